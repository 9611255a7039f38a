// `comune-audit demo`: serves the bundled fictional comune site on 127.0.0.1 and audits it.
import type { Command } from 'commander';
import { addAuditOptions, runAudit, type AuditCliOptions } from './audit.js';
import { messages, type HelpMessages } from '../report/i18n/index.js';

export function register(program: Command, help: HelpMessages): void {
  addAuditOptions(program.command('demo').description(help.demo), help).action(async (options: AuditCliOptions) => {
    const { serveDemoSite } = await import('../demo/server.js');
    const server = await serveDemoSite();
    try {
      process.stderr.write(`comune-audit: ${messages(options.lang).cli.demoServed(server.url)}\n`);
      process.exitCode = await runAudit(server.url, { ...options, delay: Math.min(options.delay, 10) });
    } finally {
      await server.close();
    }
  });
}
