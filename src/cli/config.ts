// comune-audit.config.json (or .comune-auditrc.json): the audit's settings kept with a project, for CI. Found upward
// from the working directory, or named with --config; its keys are the audit's long options in camelCase, and a
// flag given on the command line wins. Published as schema/config.schema.json (kept equal to KEYS by a test).
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CliError, EXIT } from './errors.js';
import { oneOf, percentage, seconds, wholeNumber } from './options.js';
import type { AuditCliOptions } from './audit.js';

export const CONFIG_FILE_NAMES = ['comune-audit.config.json', '.comune-auditrc.json'] as const;

/** A check the project has decided not to gate on, for a reason and until a date (like a lint suppression). */
export interface Ignore {
  /** A check id or a point id, as --fail-on takes them. */
  check: string;
  reason: string;
  /** YYYY-MM-DD, the last day the suppression holds; past it, the check counts again and stderr says so. */
  until: string;
}

export interface AuditConfig {
  path: string;
  url?: string;
  options: Partial<AuditCliOptions>;
  ignore: Ignore[];
}

type Read = (value: unknown, where: string) => unknown;

const invalid = (where: string, expected: string): CliError => new CliError((m) => m.cli.configInvalid(where, expected), EXIT.usage);

/** A flag's parser applied to a config value: numbers are given as numbers, read back through the same rules. */
function viaFlag(parse: (value: string) => unknown, expected: string, type: 'number' | 'string' = 'number'): Read {
  return (value, where) => {
    if (typeof value !== type) throw invalid(where, expected);
    try {
      return parse(String(value));
    } catch {
      throw invalid(where, expected);
    }
  };
}

const text: Read = (value, where) => {
  if (typeof value !== 'string' || !value.trim()) throw invalid(where, 'text');
  return value;
};

const bool: Read = (value, where) => {
  if (typeof value !== 'boolean') throw invalid(where, 'true or false');
  return value;
};

const ids: Read = (value, where) => {
  if (!Array.isArray(value) || !value.length || !value.every((id) => typeof id === 'string' && id.trim())) throw invalid(where, 'a non-empty list of check ids');
  return value.map((id: string) => id.trim());
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const IGNORE_KEYS = ['check', 'reason', 'until'];

const ignores: Read = (value, where) => {
  if (!Array.isArray(value)) throw invalid(where, 'a list of { check, reason, until }');
  return value.map((item: unknown, index): Ignore => {
    const at = `${where}[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid(at, '{ check, reason, until }');
    const entry = item as Record<string, unknown>;
    const unknownKey = Object.keys(entry).find((key) => !IGNORE_KEYS.includes(key));
    if (unknownKey) throw new CliError((m) => m.cli.configUnknownKey(`${at}.${unknownKey}`, IGNORE_KEYS.join(', ')), EXIT.usage);
    const until = entry.until;
    if (typeof until !== 'string' || !DATE.test(until) || Number.isNaN(Date.parse(until))) throw invalid(`${at}.until`, 'a date YYYY-MM-DD');
    return { check: text(entry.check, `${at}.check`) as string, reason: text(entry.reason, `${at}.reason`) as string, until };
  });
};

/** Every key a config file may have, and how its value is read. */
export const KEYS: Record<string, Read> = {
  $schema: text,
  url: text,
  lang: viaFlag(oneOf('lang', ['it', 'en'] as const), '"it" or "en"', 'string'),
  maxPages: viaFlag(wholeNumber('maxPages', 1), 'a whole number from 1'),
  maxDepth: viaFlag(wholeNumber('maxDepth'), 'a whole number from 0'),
  concurrency: viaFlag(wholeNumber('concurrency', 1), 'a whole number from 1'),
  delay: viaFlag(wholeNumber('delay'), 'a whole number of milliseconds'),
  timeout: viaFlag(seconds('timeout'), 'a number of seconds above 0'),
  timeBudget: viaFlag(seconds('timeBudget'), 'a number of seconds above 0'),
  maxBody: viaFlag(wholeNumber('maxBody', 1), 'a whole number of bytes from 1'),
  robots: bool,
  userAgent: text,
  proxy: (value, where) => (value === false ? false : text(value, where)),
  failUnder: viaFlag(percentage('failUnder'), 'a number from 0 to 100'),
  failOn: ids,
  baseline: text,
  model: text,
  topicModel: text,
  ignore: ignores,
};

/** The config file in dir or the nearest folder above it, or null. */
async function findUpward(dir: string): Promise<{ path: string; text: string } | null> {
  for (let current = resolve(dir); ; current = dirname(current)) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(current, name);
      const found = await readFile(path, 'utf8').catch(() => null);
      if (found !== null) return { path, text: found };
    }
    if (dirname(current) === current) return null;
  }
}

/** Reads and checks the config: --config's file (which must exist), else the nearest one upward; null if none. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<AuditConfig | null> {
  let file: { path: string; text: string } | null;
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    try {
      file = { path, text: await readFile(path, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CliError((m) => m.cli.configUnreadable(explicit, code), EXIT.io);
    }
  } else {
    file = await findUpward(cwd);
  }
  return file ? parseConfig(file.path, file.text) : null;
}

export function parseConfig(path: string, source: string): AuditConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    throw new CliError((m) => m.cli.configNotJson(path, (error as Error).message), EXIT.io);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CliError((m) => m.cli.configNotJson(path, 'not an object'), EXIT.io);
  const options: Record<string, unknown> = {};
  const config: AuditConfig = { path, options, ignore: [] };
  for (const [key, value] of Object.entries(raw)) {
    const read = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
    if (!read) throw new CliError((m) => m.cli.configUnknownKey(`${path}: ${key}`, Object.keys(KEYS).join(', ')), EXIT.usage);
    const parsed = read(value, `${path}: ${key}`);
    if (key === '$schema') continue;
    if (key === 'url') config.url = parsed as string;
    else if (key === 'ignore') config.ignore = parsed as Ignore[];
    // Files are named relative to the config file, so the file works from any folder of the project.
    else if (key === 'baseline' || key === 'model' || key === 'topicModel') options[key] = resolve(dirname(path), parsed as string);
    else options[key] = parsed;
  }
  return config;
}

/** Config values for the options the command line did not set (commander says where each value came from). */
export function mergeConfig(options: AuditCliOptions, config: AuditConfig, sourceOf: (key: string) => string | undefined): AuditCliOptions {
  const merged: Record<string, unknown> = { ...options };
  for (const [key, value] of Object.entries(config.options)) {
    if (sourceOf(key) !== 'cli') merged[key] = value;
  }
  return merged as unknown as AuditCliOptions;
}

/** The ignores in force on `today` (YYYY-MM-DD, UTC) and the expired ones, which stderr names. */
export function activeIgnores(ignore: Ignore[], today: string): { active: Ignore[]; expired: Ignore[] } {
  return { active: ignore.filter((item) => item.until >= today), expired: ignore.filter((item) => item.until < today) };
}
