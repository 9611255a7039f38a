// Commander's usage errors in the user's language. Commander words them in English only, with the names involved
// quoted inside, so they are read back by error code.
import { Help, type Command, type CommanderError, type HelpConfiguration, type Option } from 'commander';
import type { CliMessages, HelpMessages } from '../report/i18n/index.js';

/** Codes of commander exits that are not errors to report: help or version was shown. */
const SHOWN_NOT_FAILED = new Set(['commander.help', 'commander.helpDisplayed', 'commander.version']);

export function isUsageError(error: CommanderError): boolean {
  return !SHOWN_NOT_FAILED.has(error.code);
}

const quoted = (message: string) => /'([^']+)'/.exec(message)?.[1] ?? '';

export function describeUsageError(error: CommanderError, m: CliMessages): string {
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(error.message)?.[1];
  const hint = suggestion ? m.didYouMean(suggestion) : '';
  switch (error.code) {
    case 'commander.unknownOption':
      return m.unknownOption(quoted(error.message)) + hint;
    case 'commander.unknownCommand':
      return m.unknownCommand(quoted(error.message)) + hint;
    case 'commander.missingArgument':
      return m.missingArgument(quoted(error.message));
    case 'commander.optionMissingArgument':
      return m.optionMissingArgument(quoted(error.message));
    case 'commander.missingMandatoryOptionValue':
      return m.missingMandatoryOption(quoted(error.message));
    case 'commander.excessArguments': {
      const [, expected, received] = /Expected (\d+) arguments? but got (\d+)/.exec(error.message) ?? [];
      return m.excessArguments(Number(expected), Number(received));
    }
    default:
      return error.message.replace(/^error: /, '');
  }
}

/** Commander's headings, "[options] [command]" and "(default: …)" in the help's language; no "(default: false)" for a flag. */
export function localisedHelp(help: HelpMessages): HelpConfiguration {
  const usageWords = (text: string) => text.replace('[options]', help.usageWords.options).replace('[command]', help.usageWords.command);
  return {
    styleTitle: (title: string) => help.titles[title] ?? title,
    commandUsage(this: Help, command: Command) {
      return usageWords(Help.prototype.commandUsage.call(this, command));
    },
    subcommandTerm(this: Help, command: Command) {
      return usageWords(Help.prototype.subcommandTerm.call(this, command));
    },
    optionDescription(this: Help, option: Option) {
      // A flag that is off unless given says so by being a flag; commander would print its default, false.
      const shown = option.isBoolean() && option.defaultValue === false ? Object.create(option, { defaultValue: { value: undefined } }) : option;
      return Help.prototype.optionDescription.call(this, shown).replace('(default: ', `(${help.defaultLabel}: `);
    },
  };
}
