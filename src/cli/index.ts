// Command-line entry: builds the commander program, runs it, and turns errors into one line + an exit code.
import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './errors.js';
import { register as registerAudit } from './audit.js';
import { register as registerDemo } from './demo.js';
import { register as registerClassify } from './classify.js';
import { register as registerTrain } from './train.js';
import { register as registerEval } from './eval.js';
import { register as registerRescore } from './rescore.js';
import { register as registerCompare } from './compare.js';
import { register as registerSurvey } from './survey.js';
import { register as registerSurveyReports } from './survey-report.js';
import { toolVersion } from '../util/version.js';
import { messages, type Lang } from '../report/i18n/index.js';
import { langOption } from './options.js';
import { describeUsageError, isUsageError, localisedHelp } from './usage.js';

/** The program with its help in `lang`. Settings come before the commands: subcommands inherit them when added. */
export function buildProgram(lang: Lang = 'it'): Command {
  const help = messages(lang).help;
  const program = new Command()
    .name('comune-audit')
    .description(help.program)
    .version(toolVersion, '-V, --version', help.versionOption)
    .helpOption('-h, --help', help.helpOption)
    .helpCommand('help [command]', help.helpCommand)
    .option('--debug', help.debug)
    .addOption(langOption(help.programLang))
    .addHelpText('after', `\n${help.exitCodes}`)
    .configureHelp(localisedHelp(help))
    // Usage errors are printed by main, in the user's language.
    .configureOutput({ outputError: () => {} })
    .exitOverride()
    // Commander reads the program's options anywhere on the line, so it takes every --lang: hand it to the command.
    .hook('preSubcommand', (command, subcommand) => {
      if (command.getOptionValueSource('lang') === 'cli') subcommand.setOptionValueWithSource('lang', command.opts().lang, 'cli');
    });
  for (const register of [registerAudit, registerDemo, registerClassify, registerTrain, registerEval, registerCompare, registerSurvey, registerSurveyReports, registerRescore]) register(program, help);
  return program;
}

/** "comune-audit audit" when argv names a command, for the pointer to its help. */
function commandLine(program: Command, argv: string[]): string {
  const named = program.commands.find((command) => argv.slice(2).includes(command.name()));
  return named ? `comune-audit ${named.name()}` : 'comune-audit';
}

/** The language of messages: the last --lang's value (commander has not parsed it yet when an option fails). */
function languageOf(argv: string[]): Lang {
  const at = argv.findLastIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  if (at < 0) return 'it';
  const value = argv[at].includes('=') ? argv[at].slice('--lang='.length) : argv[at + 1];
  return value === 'en' ? 'en' : 'it';
}

export async function main(argv: string[]): Promise<number> {
  const lang = languageOf(argv);
  const program = buildProgram(lang);
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit through here too, already printed: 0 when asked for, 2 when shown for a missing command.
      if (isUsageError(error)) {
        const cli = messages(lang).cli;
        process.stderr.write(`comune-audit: ${describeUsageError(error, cli)}${cli.seeHelp(commandLine(program, argv))}\n`);
      }
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
