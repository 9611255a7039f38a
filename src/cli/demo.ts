// `comune-audit demo`: serves the bundled fictional comune site on 127.0.0.1 and audits it.
import type { Command } from 'commander';
import { addAuditOptions, runAudit, type AuditCliOptions } from './audit.js';
import { CliError, EXIT } from './errors.js';
import { wholeNumber } from './options.js';
import { messages, type HelpMessages } from '../report/i18n/index.js';

export interface DemoCliOptions extends AuditCliOptions {
  /** 0: any free port. A fixed one makes the report's URLs, and so `--no-timing` runs, the same byte for byte. */
  port: number;
}

async function serve(port: number) {
  const { serveDemoSite } = await import('../demo/server.js');
  try {
    return await serveDemoSite({ port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new CliError((m) => m.cli.portUnavailable(port, code), EXIT.usage);
    throw error;
  }
}

export function register(program: Command, help: HelpMessages): void {
  const command = addAuditOptions(program.command('demo').description(help.demo), help);
  command.option('--port <n>', help.auditOptions.port, wholeNumber('--port', 0, 65_535), 0).action(async (options: DemoCliOptions) => {
    const { port, ...auditOptions } = options;
    const server = await serve(port);
    try {
      process.stderr.write(`comune-audit: ${messages(options.lang).cli.demoServed(server.url)}\n`);
      // The demo site is on this machine: an office proxy would not reach it.
      process.exitCode = await runAudit(server.url, { ...auditOptions, delay: Math.min(options.delay, 10), proxy: false });
    } finally {
      await server.close();
    }
  });
}
