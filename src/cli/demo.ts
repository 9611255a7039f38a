// `comune-audit demo`: serves the bundled fictional comune site on 127.0.0.1 and audits it.
import type { Command } from 'commander';
import { addAuditOptions, runAudit, type AuditCliOptions } from './audit.js';

export function register(program: Command): void {
  addAuditOptions(
    program.command('demo').description('serve the bundled demo comune site on 127.0.0.1 and audit it (no internet needed)'),
  ).action(async (options: AuditCliOptions) => {
    const { serveDemoSite } = await import('../demo/server.js');
    const server = await serveDemoSite();
    try {
      process.stderr.write(`comune-audit: demo site served at ${server.url}\n`);
      process.exitCode = await runAudit(server.url, { ...options, delay: Math.min(options.delay, 10) });
    } finally {
      await server.close();
    }
  });
}
