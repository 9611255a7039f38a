// `demo --port`: a fixed port makes two --no-timing runs of the demo identical byte for byte; a busy one is one clear line.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/errors.js';
import { runCli as run } from '../helpers/cli.js';
import type { Report } from '../../src/types.js';


/** A server holding a port on 127.0.0.1 (the demo's host), until closed. */
async function holdPort(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

afterEach(() => {
  // main leaves the audit's exit code where the bin would read it
  process.exitCode = undefined;
});

describe('demo --port', () => {
  it('serves the demo on the given port, so two --no-timing runs write the same bytes', async () => {
    const held = await holdPort();
    const port = portOf(held);
    await close(held);
    const dir = mkdtempSync(join(tmpdir(), 'comune-audit-demo-'));
    const options = ['--port', String(port), '--no-timing', '--no-progress', '--no-classify', '--max-pages', '8'];
    const first = await run(['demo', ...options, '-o', join(dir, 'a.json')]);
    const second = await run(['demo', ...options, '-o', join(dir, 'b.json')]);
    expect([first.code, second.code]).toEqual([EXIT.ok, EXIT.ok]);
    expect(first.stderr).toBe(`comune-audit: sito di esempio pubblicato su http://127.0.0.1:${port}/\n`);
    const a = readFileSync(join(dir, 'a.json'), 'utf8');
    expect((JSON.parse(a) as Report).site.siteUrl).toBe(`http://127.0.0.1:${port}/`);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(a);
  });

  it('is a usage error naming the port and what to do when the port is taken', async () => {
    const held = await holdPort();
    try {
      const port = portOf(held);
      const italian = await run(['demo', '--port', String(port)]);
      expect(italian.code).toBe(EXIT.usage);
      expect(italian.stderr).toBe(`comune-audit: impossibile usare la porta ${port} (già in uso): scegline un'altra con --port, oppure --port 0 per una porta libera qualsiasi\n`);
      const english = await run(['demo', '--lang', 'en', '--port', String(port)]);
      expect(english.stderr).toBe(`comune-audit: cannot use port ${port} (already in use): pick another with --port, or --port 0 for any free port\n`);
    } finally {
      await close(held);
    }
  });

  it('refuses a port outside 0-65535', async () => {
    const result = await run(['demo', '--port', '70000']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toBe('comune-audit: --port vuole un numero intero da 0 a 65535, non "70000"\n');
  });
});
