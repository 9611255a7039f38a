// Exit codes and the one error type the CLI turns into a one-line message (stack only with --debug).
import { messages, type Lang, type Messages } from '../report/i18n/index.js';

export const EXIT = {
  /** The command did its job (an audit ran and wrote its report). */
  ok: 0,
  /** The audit ran but the maturity index is below --fail-under, a check failed that --fail-on names, or a check got worse than in --baseline. */
  belowThreshold: 1,
  /** Bad command line: unknown option, invalid URL or value. */
  usage: 2,
  /** The site could not be audited: DNS, connection, TLS or no HTTPS, a timeout or malformed response, an HTTP error or non-HTML start page, redirect loops, robots.txt forbids it, the time budget ran out first. */
  siteUnavailable: 3,
  /** A file could not be read or written, or its content is malformed (training data, model, a --baseline report). */
  io: 4,
  /** The office proxy (--proxy, HTTPS_PROXY/HTTP_PROXY) refused the audit, asked for credentials (407) or cannot be reached. */
  proxy: 5,
  /** Ctrl-C (SIGINT) stopped an audit (its partial report written with -o), or a survey, also on SIGTERM: the sites done are saved, the same command resumes it. */
  interrupted: 130,
  /** SIGTERM stopped an audit: its partial report written with -o. */
  terminated: 143,
  /** A bug: an unexpected exception. Run again with --debug and report it. */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error fit to show a person as is: one line naming the cause and what to do, in the user's language
 * (`describe` picks it from the message catalog; `message` is the English line, for logs and tests).
 */
export class CliError extends Error {
  constructor(
    readonly describe: (messages: Messages, lang: Lang) => string,
    readonly exitCode: ExitCode,
  ) {
    super(describe(messages('en'), 'en'));
    this.name = 'CliError';
  }

  in(lang: Lang): string {
    return this.describe(messages(lang), lang);
  }
}
