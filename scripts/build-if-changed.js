#!/usr/bin/env node
// `npm run demo` and `npm run bench` build first, but a full tsc run costs seconds: build only when a source file
// (or the compiler's configuration, or the installed packages) is newer than the compiled entry point.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'rules', 'bench', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
/** Written by every tsc run (tsc writes all its outputs each time). */
const BUILT = join(root, 'dist/src/cli/index.js');

function newestMtime(path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const built = statSync(BUILT, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (Math.max(...SOURCES.map((source) => newestMtime(join(root, source)))) > built) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  process.exitCode = tsc.status ?? 1;
}
