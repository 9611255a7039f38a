// Runs the command line in-process and captures what it writes, for tests of messages, help and exit codes.
import { PassThrough } from 'node:stream';
import type { AuditCliOptions } from '../../src/cli/audit.js';
import { main } from '../../src/cli/index.js';

/** Audit options for tests: JSON, no delay, no progress, no timing, no classifier. */
export const AUDIT_OPTIONS: AuditCliOptions = {
  lang: 'it',
  bom: false,
  maxPages: 50,
  maxDepth: 5,
  concurrency: 4,
  delay: 0,
  timeout: 5_000,
  timeBudget: 60_000,
  maxBody: 5 * 1024 * 1024,
  robots: true,
  insecure: false,
  singlePage: false,
  classify: false,
  timing: false,
  progress: false,
  format: 'json',
};

/** Streams for runAudit's io that keep what was written to each. */
export function captureIo() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  return {
    io: { stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream },
    out: () => out,
    err: () => err,
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'comune-audit', ...argv]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
  }
}
