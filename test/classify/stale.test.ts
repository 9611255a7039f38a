// The generated and trained files of the classifier are up to date with what generates them: the real-style pages
// with their generator and content, the training records with the pages, the shipped model with the corpus and the
// training code. When one fails, regenerate as its message says (docs/classifier.md, "Rebuilding").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_FILES, DEFAULT_MODEL_PATH, readLabelledFile, serialiseModel, trainModel } from '../../src/classify/index.js';
import { REAL_STYLE_FILE, realStyleJsonl } from '../../bench/classifier-sets.js';
import { packageRoot } from '../../src/util/paths.js';

const fixtures = join(packageRoot, 'fixtures', 'classifier');
const scratch = mkdtempSync(join(tmpdir(), 'classifier-stale-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Relative path → content of every file under `dir`. */
function tree(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) for (const [file, text] of tree(dir, path)) files.set(file, text);
    else files.set(path, readFileSync(join(dir, path), 'utf8'));
  }
  return files;
}

describe('classifier files are up to date (regenerate: see docs/classifier.md, "Rebuilding")', () => {
  it('fixtures/classifier/sites and labels.jsonl are what _generator/generate.mjs makes of pages.jsonl (run: node fixtures/classifier/_generator/generate.mjs)', () => {
    execFileSync(process.execPath, [join(fixtures, '_generator', 'generate.mjs'), '--out', scratch], { stdio: 'pipe' });
    expect(readFileSync(join(scratch, 'labels.jsonl'), 'utf8')).toBe(readFileSync(join(fixtures, 'labels.jsonl'), 'utf8'));
    const made = tree(join(scratch, 'sites'));
    const committed = tree(join(fixtures, 'sites'));
    expect([...committed.keys()].sort()).toEqual([...made.keys()].sort());
    for (const [path, text] of made) expect(committed.get(path), path).toBe(text);
  });

  it('data/classifier/real-style.jsonl holds the real-style pages as they parse and flatten today (run: npm run build && node dist/bench/classifier-sets.js --write)', () => {
    expect(readFileSync(REAL_STYLE_FILE, 'utf8') === realStyleJsonl()).toBe(true);
  });

  it('data/classifier/model.json is what training makes of the corpus (run: comune-audit train --with-corpus -o data/classifier/model.json)', () => {
    const trained = serialiseModel(trainModel(CORPUS_FILES.flatMap((file) => readLabelledFile(file))));
    expect(trained === readFileSync(DEFAULT_MODEL_PATH, 'utf8')).toBe(true);
  }, 180_000);
});
