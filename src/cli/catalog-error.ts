// CliErrors worded from more of the catalog than its cli section, which is all CliError hands `describe`.
import { CliError, type ExitCode } from './errors.js';
import { messages, type CliMessages, type Lang, type Messages } from '../report/i18n/index.js';

const LANGS: readonly Lang[] = ['it', 'en'];

/** A CliError whose line may use the whole catalog of the language asked for, and pick that language of a Localised text. */
export function catalogError(describe: (m: Messages, lang: Lang) => string, exitCode: ExitCode): CliError {
  const languageOf = (cli: CliMessages): Lang => LANGS.find((lang) => messages(lang).cli === cli) ?? 'en';
  return new CliError((cli) => {
    const lang = languageOf(cli);
    return describe(messages(lang), lang);
  }, exitCode);
}
