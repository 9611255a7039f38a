// A command's output files: checked before the work starts (a typo in -o should not cost a whole crawl) and written
// at the end; a failure becomes a one-line, actionable error with the I/O exit code.
import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError, EXIT } from './errors.js';

function cannotWrite(path: string, code: string): CliError {
  if (code === 'EISDIR') return new CliError((m) => m.cli.outputIsDirectory(path), EXIT.io);
  return new CliError((m) => m.cli.cannotWrite(path, code), EXIT.io);
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** Why writing `path` would fail (an error code, as writeFile would give it), or null: checked without writing. */
async function unwritable(path: string): Promise<string | null> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) return 'EISDIR';
  try {
    if (!existing && !(await stat(dirname(path))).isDirectory()) return 'ENOTDIR';
    await access(existing ? path : dirname(path), constants.W_OK);
    return null;
  } catch (error) {
    return codeOf(error);
  }
}

/**
 * Checks every output path a command was given (undefined: not given) before it starts: each must be writable,
 * and no two may name the same file (the second would overwrite the first).
 */
export async function checkOutputPaths(paths: { option: string; path: string | undefined }[]): Promise<void> {
  const given = paths.filter((entry): entry is { option: string; path: string } => entry.path !== undefined);
  const seen = new Map<string, string>();
  for (const { option, path } of given) {
    const first = seen.get(resolve(path));
    if (first) throw new CliError((m) => m.cli.sameOutputFile(first, option, path), EXIT.usage);
    seen.set(resolve(path), option);
  }
  for (const { path } of given) {
    const code = await unwritable(path);
    if (code) throw cannotWrite(path, code);
  }
}

export async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (error) {
    throw cannotWrite(path, codeOf(error));
  }
}
