// `npm run demo` compiles only when a source is newer than the build: checked on a copy of the script in a scratch
// tree whose "compiler" records each call.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/paths.js';

const FAKE_TSC = `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const root = new URL('../../../', import.meta.url).pathname;
mkdirSync(join(root, 'dist/src/cli'), { recursive: true });
writeFileSync(join(root, 'dist/src/cli/index.js'), '');
appendFileSync(join(root, 'calls'), 'tsc\\n');
`;

describe('scripts/build-if-changed.js', () => {
  it('builds when nothing is built, not again until a source changes, and again after', () => {
    const root = mkdtempSync(join(tmpdir(), 'build-if-changed-'));
    mkdirSync(join(root, 'scripts'));
    mkdirSync(join(root, 'src'));
    mkdirSync(join(root, 'node_modules/typescript/bin'), { recursive: true });
    copyFileSync(join(packageRoot, 'scripts/build-if-changed.js'), join(root, 'scripts/build-if-changed.js'));
    writeFileSync(join(root, 'package.json'), '{"type":"module"}');
    writeFileSync(join(root, 'node_modules/typescript/bin/tsc'), FAKE_TSC);
    writeFileSync(join(root, 'src/a.ts'), 'export {};');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'src/a.ts'), past, past);
    const run = () => spawnSync(process.execPath, [join(root, 'scripts/build-if-changed.js')], { encoding: 'utf8' });
    const calls = () => (existsSync(join(root, 'calls')) ? readFileSync(join(root, 'calls'), 'utf8').split('\n').filter(Boolean).length : 0);

    expect(run().status).toBe(0);
    expect(calls()).toBe(1);
    expect(run().status).toBe(0);
    expect(calls()).toBe(1);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src/a.ts'), future, future);
    expect(run().status).toBe(0);
    expect(calls()).toBe(2);
  });
});
