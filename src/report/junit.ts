// JUnit XML for CI servers (GitLab, Jenkins, GitHub test reporters): one test case per check, one suite per point,
// so a pipeline page lists the checks that do not pass with their message and evidence. Gating stays with the exit
// codes (--fail-under, --fail-on, --baseline): a partial check shows as a failure here without failing the job.
import type { CheckResult, Evidence, Report } from '../types.js';
import { EVIDENCE_SHOWN, escapeMarkup as esc, orderedEvidence, outcomeCounts, outcomeMark, shortTitle, singlePageKind } from './common.js';
import { messages, type Lang, type Messages } from './i18n/index.js';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function countsOf(checks: CheckResult[]): Counts {
  return {
    tests: checks.length,
    failures: checks.filter((check) => check.status === 'fail' || check.status === 'partial').length,
    errors: checks.filter((check) => check.status === 'error').length,
    skipped: checks.filter((check) => check.status === 'unknown').length,
  };
}

const countAttributes = (counts: Counts) => `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}"`;

function evidenceLine(item: Evidence, t: Messages, lang: Lang): string {
  const mark = outcomeMark(item, t);
  const parts = mark ? [`[${mark}]`, item.url, item.selector] : [item.url, item.selector];
  if (item.snippet) parts.push(`«${item.snippet}»`);
  if (item.note) parts.push(item.note[lang]);
  return parts.join(' · ');
}

function testCase(check: CheckResult, lang: Lang, t: Messages): string {
  // The name is the check id alone: CI servers track a test's history by name, and the title changes with the result.
  const open = `    <testcase classname="comune-audit.${esc(check.point)}" name="${esc(check.id)}" time="0"`;
  const message = esc(`${shortTitle(check, lang)}: ${check.message[lang]}`);
  const evidence = orderedEvidence(check.evidence);
  const rest = evidence.slice(EVIDENCE_SHOWN);
  const shown = evidence.slice(0, EVIDENCE_SHOWN).map((item) => evidenceLine(item, t, lang));
  if (rest.length > 0) shown.push(t.moreEvidence(rest.length, outcomeCounts(rest, t)));
  // One escaped line each: escaping turns control characters, line breaks included, into spaces.
  const body = [check.law, ...shown].map(esc).join('\n');
  switch (check.status) {
    case 'pass':
      return `${open}/>`;
    case 'unknown':
      return `${open}>\n      <skipped message="${message}"/>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error message="${message}">${body}</error>\n    </testcase>`;
    default:
      return `${open}>\n      <failure type="${esc(t.status[check.status])}" message="${message}">${body}</failure>\n    </testcase>`;
  }
}

export function renderJunit(report: Report, options: { lang: Lang }): string {
  const { lang } = options;
  const t = messages(lang);
  const seconds = (report.run.durationMs / 1000).toFixed(3);
  const name = esc(`comune-audit ${report.site.siteUrl}`);
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (report.fatal) {
    const fatal = `    <testcase classname="comune-audit" name="audit" time="0">\n      <error type="${esc(report.fatal.code)}" message="${esc(report.fatal.message[lang])}"/>\n    </testcase>`;
    const counts = { tests: 1, failures: 0, errors: 1, skipped: 0 };
    return `${head}<testsuites name="${name}" ${countAttributes(counts)} time="${seconds}">\n  <testsuite name="${esc(t.fatalTitle)}" ${countAttributes(counts)} time="0">\n${fatal}\n  </testsuite>\n</testsuites>\n`;
  }
  const byId = new Map(report.checks.map((check) => [check.id, check]));
  // A single-page audit's criteria depend on the page kind: each suite says which kind, and why.
  const kind = singlePageKind(report, t, lang);
  const properties = kind ? `    <properties>\n      <property name="${esc(t.label.pageKind)}" value="${esc(kind)}"/>\n    </properties>\n` : '';
  const suites = report.points
    .map((point) => ({ point, checks: point.checks.map((id) => byId.get(id)).filter((check): check is CheckResult => check !== undefined) }))
    .filter(({ checks }) => checks.length > 0)
    .map(({ point, checks }) => {
      const cases = checks.map((check) => testCase(check, lang, t)).join('\n');
      return `  <testsuite name="${esc(t.pointName[point.id])}" ${countAttributes(countsOf(checks))} time="0">\n${properties}${cases}\n  </testsuite>`;
    });
  return `${head}<testsuites name="${name}" ${countAttributes(countsOf(report.checks))} time="${seconds}">\n${suites.join('\n')}\n</testsuites>\n`;
}
