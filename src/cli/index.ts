// Command-line entry: builds the commander program, runs it, and turns errors into one line + an exit code.
import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './errors.js';
import { register as registerAudit } from './audit.js';
import { register as registerDemo } from './demo.js';
import { register as registerClassify } from './classify.js';
import { register as registerTrain } from './train.js';
import { register as registerEval } from './eval.js';
import { toolVersion } from '../util/version.js';
import { messages, type Lang } from '../report/i18n/index.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('comune-audit')
    .description('Measures the digital maturity of an Italian comune from its public website.')
    .version(toolVersion)
    .option('--debug', 'print stack traces of unexpected errors')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  for (const register of [registerAudit, registerDemo, registerClassify, registerTrain, registerEval]) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** The language of messages: --lang's value when given (commander has not parsed it yet when an option fails). */
function languageOf(argv: string[]): Lang {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (at < 0) return 'it';
  const value = argv[at].includes('=') ? argv[at].slice('--lang='.length) : argv[at + 1];
  return value === 'en' ? 'en' : 'it';
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const lang = languageOf(argv);
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0; commander has already printed its message.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`comune-audit: ${error.in(lang)}\n`);
      return error.exitCode;
    }
    const debug = argv.includes('--debug');
    process.stderr.write(
      debug && error instanceof Error
        ? `${error.stack}\n`
        : `comune-audit: ${messages(lang).cli.unexpected(error instanceof Error ? error.message : String(error))}\n`,
    );
    return EXIT.internal;
  }
}
