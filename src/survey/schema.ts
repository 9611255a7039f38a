// The survey store's schema as numbered migrations (docs/survey-store.md describes every table and column).
// SQLite's user_version holds how many have been applied; a file is brought up to date when it is opened.

/** Migration n (1-based) takes a store from user_version n-1 to n. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    survey_key TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    tool_version TEXT NOT NULL,
    input TEXT NOT NULL,
    options TEXT NOT NULL,
    shard_index INTEGER,
    shard_count INTEGER,
    targets INTEGER NOT NULL
  );
  CREATE TABLE sites (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    key TEXT NOT NULL,
    line INTEGER NOT NULL,
    ipa_code TEXT,
    name TEXT,
    istat_code TEXT,
    region TEXT,
    province TEXT,
    url TEXT,
    raw_url TEXT NOT NULL,
    final_url TEXT,
    status TEXT NOT NULL CHECK (status IN ('scored', 'unavailable', 'rejected', 'failed')),
    reason TEXT,
    detail_it TEXT,
    detail_en TEXT,
    maturity_index REAL,
    level TEXT,
    pages_fetched INTEGER,
    pages_failed INTEGER,
    started_at TEXT,
    duration_ms INTEGER,
    crawl_ms INTEGER,
    PRIMARY KEY (run_id, key)
  );
  CREATE INDEX sites_by_region ON sites (run_id, region, province);
  CREATE TABLE points (
    run_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    point TEXT NOT NULL,
    score REAL,
    status TEXT NOT NULL,
    PRIMARY KEY (run_id, key, point),
    FOREIGN KEY (run_id, key) REFERENCES sites(run_id, key)
  );
  CREATE TABLE checks (
    run_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    check_id TEXT NOT NULL,
    point TEXT NOT NULL,
    status TEXT NOT NULL,
    score REAL,
    weight REAL NOT NULL,
    message_it TEXT NOT NULL,
    message_en TEXT NOT NULL,
    details TEXT,
    PRIMARY KEY (run_id, key, check_id),
    FOREIGN KEY (run_id, key) REFERENCES sites(run_id, key)
  );
  CREATE TABLE evidence (
    run_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    check_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    url TEXT NOT NULL,
    selector TEXT NOT NULL,
    snippet TEXT NOT NULL,
    note_it TEXT,
    note_en TEXT,
    PRIMARY KEY (run_id, key, check_id, seq),
    FOREIGN KEY (run_id, key, check_id) REFERENCES checks(run_id, key, check_id)
  );
  CREATE TABLE reports (
    run_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    report BLOB NOT NULL,
    PRIMARY KEY (run_id, key),
    FOREIGN KEY (run_id, key) REFERENCES sites(run_id, key)
  );
  `,
];

/** The schema version this tool writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;
