// GitHub Actions workflow commands (::error / ::warning / ::notice), written when GITHUB_ACTIONS=true so failures show
// on the run's summary page: a failed check is an error, a partial one a warning, a regression against the baseline
// an error, the legal cap on the level a warning. One line each; GitHub's escaping of data and properties.
import type { CheckResult, Report } from '../types.js';
import { capText, levelText, shortTitle } from './common.js';
import { messages, type Lang } from './i18n/index.js';
import type { MarkdownRegression } from './markdown.js';

export interface AnnotationOptions {
  lang: Lang;
  regressions?: MarkdownRegression[];
  /** Check ids the config file's ignore spares: a notice, not an error. */
  ignored?: ReadonlySet<string>;
}

/** The message part: %, CR and LF are encoded (GitHub's escapeData). */
const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A property value: also ':' and ',' (GitHub's escapeProperty). */
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(kind: 'error' | 'warning' | 'notice', title: string, message: string): string {
  return `::${kind} title=${escapeProperty(title)}::${escapeData(message)}`;
}

function checkMessage(check: CheckResult, lang: Lang): string {
  const where = check.evidence[0]?.url;
  return `${shortTitle(check, lang)}: ${check.message[lang]}${where ? ` (${where})` : ''}`;
}

/** The workflow commands for a report, one per line ('' when there is nothing to say). */
export function renderAnnotations(report: Report, options: AnnotationOptions): string {
  const { lang } = options;
  const t = messages(lang);
  const lines: string[] = [];
  if (report.fatal) lines.push(command('error', `comune-audit: ${t.fatalTitle}`, report.fatal.message[lang]));
  const { level } = report.maturity;
  const cap = capText(report.maturity, t, lang);
  if (level && cap) lines.push(command('warning', `comune-audit: ${t.label.level} ${levelText(level, t, lang)}`, cap));
  for (const r of options.regressions ?? []) {
    const kind = options.ignored?.has(r.id) ? 'notice' : 'error';
    lines.push(command(kind, `comune-audit ${r.id}`, t.markdown.regressedAnnotation(t.status[r.before], t.status[r.after], r.lost.slice(0, 3).join('; '))));
  }
  for (const check of report.checks) {
    if (check.status !== 'fail' && check.status !== 'partial') continue;
    const kind = options.ignored?.has(check.id) ? 'notice' : check.status === 'fail' ? 'error' : 'warning';
    lines.push(command(kind, `comune-audit ${check.id}`, checkMessage(check, lang)));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
