// Writing a command's output file: a failure becomes a one-line, actionable error with the I/O exit code.
import { writeFile } from 'node:fs/promises';
import { CliError, EXIT } from './errors.js';

export async function writeOutput(path: string, content: string): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError((m) => m.cli.cannotWrite(path, reason), EXIT.io);
  }
}
