// The HTML report: one self-contained, accessible file (inline CSS, no script, nothing loaded from the network)
// that can be mailed or attached to a council paper. Pure: same report and options → same string.
import type { CheckResult, Evidence, PointScore, Report, Status } from '../types.js';
import {
  STATUS_ORDER,
  STATUS_SYMBOL,
  capPhrases,
  categoryName,
  classificationSummary,
  EVIDENCE_SHOWN,
  criteriaSections,
  escapeMarkup as esc,
  fatalAdvice,
  findings,
  indexBasisPhrase,
  formatDecimal,
  formatScore,
  capText,
  levelText,
  orderedEvidence,
  outcomeCounts,
  runPhrase,
  shortTitle,
  singlePageKind,
  splitPoints,
  statusCounts,
} from './common.js';
import { messages, type Lang, type Messages } from './i18n/index.js';
import { discoveryLines } from './discovery.js';
import { declaredTopicsText, pageTopicsLine, topicTagsText, topicsSummary } from './topics.js';
import { categoriesChart, criteriaChart, indexGauge, pointsChart } from './charts/report.js';
import { CHART_CSS } from './charts/svg.js';

export interface HtmlOptions {
  lang: Lang;
}

/** Only http(s) URLs become links: a javascript: or data: URL seen on a site must not be clickable here. */
export function urlHtml(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${esc(url)}">${esc(url)}</a>` : `<span class="url">${esc(url)}</span>`;
}

/** Symbol for the eye, word for everyone (screen readers and colour-blind readers do not rely on either alone). */
function badge(status: Status, t: Messages): string {
  return `<span class="status s-${status}"><span aria-hidden="true">${STATUS_SYMBOL[status]}</span> ${esc(t.status[status])}</span>`;
}

const CSS = `
:root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--accent:#0b4f9c}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Titillium Web",sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem;border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:.2rem 0 .8rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:0 0 .25rem}
a{color:var(--accent);overflow-wrap:anywhere}
a:focus-visible,summary:focus-visible{outline:3px solid #f4b400;outline-offset:2px}
.tool{margin:0;color:var(--muted);font-size:.9rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1.2rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.maturity{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 2rem;padding:1rem 1.25rem;background:var(--soft);border:1px solid var(--line);border-radius:8px}
.index{font-size:2.6rem;font-weight:700;line-height:1;margin:0}
.index small{font-size:1rem;font-weight:400;color:var(--muted)}
.level{font-size:1.2rem;margin:0}
.basis{flex-basis:100%;margin:0;color:var(--muted)}
.cap{flex-basis:100%;margin:0}
.counts{margin:.6rem 0 0;color:var(--muted)}
table{width:100%;border-collapse:collapse;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
thead th{font-size:.85rem;color:var(--muted);font-weight:600}
tbody th{font-weight:400}
tbody th.group{font-weight:700;background:var(--soft)}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.status{white-space:nowrap;font-weight:600}
.s-pass{color:#1a7f37}.s-partial{color:#8a5a00}.s-fail{color:#c62828}.s-unknown{color:#57606a}.s-error{color:#8250df}
ol.findings{padding-left:1.5rem}
ol.findings>li{margin:0 0 1.2rem}
.ref{margin:0;color:var(--muted);font-size:.9rem}
.message{margin:.25rem 0}
ul.evidence{margin:.25rem 0 0;padding-left:1.1rem;font-size:.92rem}
ul.evidence li{margin:.2rem 0}
ul.discovery li{margin:.3rem 0}
code{font:.85rem/1.4 ui-monospace,"Roboto Mono",Menlo,Consolas,monospace;background:var(--soft);padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}
q{color:var(--muted)}
th code{white-space:nowrap;overflow-wrap:normal}
.fatal{border-left:4px solid #c62828;padding:.5rem 1rem;background:#fdf2f2}
details summary{cursor:pointer;color:var(--accent)}
details.more{margin:.2rem 0 0 1.1rem;font-size:.92rem}
details.check{margin:.3rem 0;padding:.2rem 0;border-bottom:1px solid var(--line)}
details.check summary{color:var(--fg)}
details.check .ref{margin-top:.3rem}
footer{margin-top:2rem;padding-bottom:2rem;color:var(--muted);font-size:.9rem;border-top:1px solid var(--line)}
@media print{a{color:inherit}details>summary{display:none}details{display:block}}
`;

function factsList(report: Report, t: Messages, lang: Lang): string {
  const rows: [string, string][] = [[t.label.site, urlHtml(report.site.siteUrl || report.site.startUrl)]];
  if (!report.fatal) {
    rows.push([t.label.pages, esc(t.pagesLine(report.run.pagesFetched, report.run.pagesFailed))]);
    const caps = capPhrases(report, t);
    if (report.run.singlePage) caps.unshift(t.singlePage);
    rows.push([t.label.caps, esc(caps.length > 0 ? caps.join('; ') : t.capsNone)]);
    const kind = singlePageKind(report, t, lang);
    if (kind) rows.push([t.label.pageKind, esc(kind)]);
    const topics = report.run.singlePage && report.pages[0] ? pageTopicsLine(report.pages[0], t, lang) : null;
    if (topics) rows.push([t.label.topics, esc(topics)]);
  }
  const run = runPhrase(report, t);
  if (run) rows.push([t.label.run, esc(run)]);
  return `<dl class="facts">${rows.map(([label, value]) => `<dt>${esc(label)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function maturitySection(report: Report, t: Messages, lang: Lang): string {
  const { index, level } = report.maturity;
  const counts = statusCounts(report.checks);
  const countText = [String(report.checks.length), ...STATUS_ORDER.filter((s) => counts[s] > 0).map((s) => t.statusCount[s](counts[s]))].join(' · ');
  let body: string;
  if (index === null || level === null) {
    body = `<p class="index">${esc(t.notScored)}</p>`;
  } else {
    const cap = capText(report.maturity, t, lang);
    body =
      `<p class="index">${esc(formatDecimal(index, 1, t))} <small>/ 100</small></p>` +
      indexGauge(report, t, lang) +
      `<p class="level">${esc(t.label.level)} ${esc(levelText(level, t, lang))}</p>`;
    if (cap) body += `<p class="cap">${esc(cap)}</p>`;
    const basis = indexBasisPhrase(report, t);
    if (basis) body += `<p class="basis">${esc(t.label.basis)} ${esc(basis)}</p>`;
  }
  return (
    `<section aria-labelledby="maturity"><h2 id="maturity">${esc(t.label.index)}</h2>` +
    `<div class="maturity">${body}</div>` +
    `<p class="counts">${esc(t.label.checks)}: ${esc(countText)}</p></section>`
  );
}

/** `name` is a caption, or the id of a heading that already names the table (no caption shown twice). */
function pointsTable(points: PointScore[], name: { caption: string } | { labelledBy: string }, numbered: boolean, t: Messages): string {
  const head = `${numbered ? `<th scope="col" class="num">${esc(t.html.step)}</th>` : ''}<th scope="col">${esc(t.html.point)}</th><th scope="col">${esc(t.html.status)}</th><th scope="col" class="num">${esc(t.html.score)}</th>`;
  const rows = points.map(
    (point, i) =>
      `<tr>${numbered ? `<td class="num">${i + 1}</td>` : ''}<th scope="row">${esc(t.pointName[point.id])}</th>` +
      `<td>${badge(point.status, t)}</td><td class="num">${esc(formatScore(point.score, t))}</td></tr>`,
  );
  const open = 'caption' in name ? `<table><caption>${esc(name.caption)}</caption>` : `<table aria-labelledby="${name.labelledBy}">`;
  return `${open}<thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function pointsSection(report: Report, t: Messages): string {
  const { indexed, governance } = splitPoints(report.points);
  return (
    `<section aria-labelledby="points"><h2 id="points">${esc(t.section.points)}</h2>` +
    pointsChart(report, t) +
    pointsTable(indexed, { labelledBy: 'points' }, true, t) +
    pointsTable(governance, { caption: t.section.governance }, false, t) +
    `</section>`
  );
}

function criteriaSection(report: Report, t: Messages, lang: Lang): string {
  const sections = criteriaSections(report.checks);
  if (sections.length === 0) return '';
  const groups = sections.map((section) => {
    const name = section.group === null ? t.section.otherCriteria : t.groupName[section.group];
    const rows = section.checks.map(
      (check) => `<tr><th scope="row"><code>${esc(check.id)}</code></th><td>${esc(shortTitle(check, lang))}</td><td>${badge(check.status, t)}</td></tr>`,
    );
    return `<tbody><tr><th scope="rowgroup" colspan="3" class="group">${esc(name)}</th></tr>${rows.join('')}</tbody>`;
  });
  return (
    `<section aria-labelledby="criteria"><h2 id="criteria">${esc(t.section.criteria)}</h2>` +
    (report.agid ? `<p class="agid-verdict">${esc(t.agidVerdict(report.agid.wouldPass, report.agid.blocking, report.agid.unjudged))}</p>` : '') +
    criteriaChart(report, t) +
    `<table><thead><tr><th scope="col">${esc(t.html.criterion)}</th><th scope="col">${esc(t.html.check)}</th><th scope="col">${esc(t.html.status)}</th></tr></thead>` +
    `${groups.join('')}</table></section>`
  );
}

/** One evidence item; one with its own outcome (a page among several) starts with it, symbol and word. */
export function evidenceItem(item: Evidence, lang: Lang): string {
  const parts = item.outcome ? [badge(item.outcome, messages(lang)), urlHtml(item.url)] : [urlHtml(item.url)];
  if (item.selector) parts.push(`<code>${esc(item.selector)}</code>`);
  if (item.snippet) parts.push(`<q>${esc(item.snippet)}</q>`);
  if (item.note) parts.push(`<em>${esc(item.note[lang])}</em>`);
  return `<li>${parts.join(' · ')}</li>`;
}

/** Every evidence item, failing ones first: the first few in view, the rest one click away (a <details>, no script). */
function evidenceList(check: CheckResult, t: Messages, lang: Lang): string {
  if (check.evidence.length === 0) return '';
  const list = (items: Evidence[]) => `<ul class="evidence" aria-label="${esc(t.html.evidence)}">${items.map((item) => evidenceItem(item, lang)).join('')}</ul>`;
  const evidence = orderedEvidence(check.evidence);
  const rest = evidence.slice(EVIDENCE_SHOWN);
  const more = rest.length > 0 ? `<details class="more"><summary>${esc(t.html.showMoreEvidence(rest.length, outcomeCounts(rest, t)))}</summary>${list(rest)}</details>` : '';
  return list(evidence.slice(0, EVIDENCE_SHOWN)) + more;
}

function findingItem(check: CheckResult, t: Messages, lang: Lang): string {
  const reference = check.law ? `${check.id} · ${check.law}` : check.id;
  return (
    `<li><h3>${badge(check.status, t)} ${esc(shortTitle(check, lang))}</h3>` +
    `<p class="ref">${esc(reference)}</p><p class="message">${esc(check.message[lang])}</p>${evidenceList(check, t, lang)}</li>`
  );
}

function findingsSection(report: Report, t: Messages, lang: Lang): string {
  const list = findings(report.checks);
  const body = list.length === 0 ? `<p>${esc(t.noFindings)}</p>` : `<ol class="findings">${list.map((check) => findingItem(check, t, lang)).join('')}</ol>`;
  return `<section aria-labelledby="findings"><h2 id="findings">${esc(t.section.findings)}</h2>${body}</section>`;
}

/** The checks that are not findings (passed, not verifiable, in error), by point, each with its message and evidence folded. */
function otherChecksSection(report: Report, t: Messages, lang: Lang): string {
  const shown = new Set(findings(report.checks));
  const byPoint = report.points
    .map((point) => ({ point, checks: report.checks.filter((check) => check.point === point.id && !shown.has(check)) }))
    .filter(({ checks }) => checks.length > 0);
  if (byPoint.length === 0) return '';
  const groups = byPoint.map(({ point, checks }) => {
    const items = checks.map((check) => {
      const reference = check.law ? `${check.id} · ${check.law}` : check.id;
      return (
        `<details class="check"><summary>${badge(check.status, t)} ${esc(shortTitle(check, lang))} <code>${esc(check.id)}</code></summary>` +
        `<p class="ref">${esc(reference)}</p><p class="message">${esc(check.message[lang])}</p>${evidenceList(check, t, lang)}</details>`
      );
    });
    return `<h3>${esc(t.pointName[point.id])}</h3>${items.join('')}`;
  });
  return `<section aria-labelledby="other-checks"><h2 id="other-checks">${esc(t.section.otherChecks)}</h2>${groups.join('')}</section>`;
}

/** Pages per service category (a bar chart and the table of its figures), the categories without a service sheet, and the pages whose breadcrumb disagrees. */
function classificationSection(report: Report, t: Messages, lang: Lang): string {
  const summary = classificationSummary(report);
  if (!summary) return '';
  const words = t.classification;
  const rows = summary.rows.map(
    (row) => `<tr><th scope="row">${esc(categoryName(row.category, lang))}</th><td class="num">${row.pages}</td><td class="num">${row.servicePages}</td></tr>`,
  );
  const table =
    `<table aria-labelledby="classification"><thead><tr><th scope="col">${esc(words.category)}</th><th scope="col" class="num">${esc(words.pages)}</th>` +
    `<th scope="col" class="num">${esc(words.servicePages)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const without = summary.withoutService.map((id) => categoryName(id, lang)).join(', ');
  let disagreements = '';
  if (summary.disagreements.length > 0) {
    const pageRows = summary.disagreements.map(
      (page) => `<tr><td>${urlHtml(page.url)}</td><td>${esc(categoryName(page.category!, lang))}</td><td>${esc(categoryName(page.declaredCategory!, lang))}</td></tr>`,
    );
    disagreements =
      `<table><caption>${esc(words.disagreements(summary.disagreements.length))}</caption><thead><tr><th scope="col">${esc(t.html.url)}</th>` +
      `<th scope="col">${esc(words.classifier)}</th><th scope="col">${esc(words.declared)}</th></tr></thead><tbody>${pageRows.join('')}</tbody></table>`;
  }
  return (
    `<section aria-labelledby="classification"><h2 id="classification">${esc(t.section.classification)}</h2>${categoriesChart(summary, t, lang)}${table}` +
    `<p>${esc(without ? words.withoutService(without) : words.allHaveService)}</p>${disagreements}</section>`
  );
}

/** The site's topics: how many, which pages declare theirs, every topic with its pages, the pages whose chips the text does not bear out. */
function topicsSection(report: Report, t: Messages, lang: Lang): string {
  const summary = topicsSummary(report, lang);
  if (!summary) return '';
  const words = t.topics;
  let body =
    `<p>${esc(words.summary(summary.rows.filter((row) => row.pages > 0).length, summary.tagged, summary.classified))}</p>` +
    `<p>${esc(words.declaring(summary.declaring, summary.outsideVocabulary.join(', ')))}</p>`;
  if (summary.rows.length > 0) {
    const rows = summary.rows.map((row) => `<tr><th scope="row">${esc(row.label)}</th><td class="num">${row.pages}</td><td class="num">${row.declaredPages}</td></tr>`);
    body +=
      `<table aria-labelledby="topics"><thead><tr><th scope="col">${esc(words.topic)}</th><th scope="col" class="num">${esc(words.fromText)}</th>` +
      `<th scope="col" class="num">${esc(words.declared)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
  if (summary.disagreements.length > 0) {
    const rows = summary.disagreements.map(
      ({ page, declared, inferred }) =>
        `<tr><td>${urlHtml(page.url)}</td><td>${esc(declaredTopicsText(declared, lang))}</td><td>${esc(inferred.length > 0 ? topicTagsText(inferred, t, lang) : words.none)}</td></tr>`,
    );
    body +=
      `<table><caption>${esc(words.disagreements(summary.disagreements.length))}</caption><thead><tr><th scope="col">${esc(t.html.url)}</th>` +
      `<th scope="col">${esc(words.declaredColumn)}</th><th scope="col">${esc(words.foundColumn)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  }
  return `<section aria-labelledby="topics"><h2 id="topics">${esc(t.section.topics)}</h2>${body}</section>`;
}

function pagesSection(report: Report, t: Messages, lang: Lang): string {
  if (report.pages.length === 0) return '';
  const rows = report.pages.map(
    (page) =>
      `<tr><td>${urlHtml(page.url)}</td><td class="num">${page.status}</td><td>${esc(t.pageTypeName[page.pageType])}</td>` +
      `<td>${esc(page.category === null ? '' : categoryName(page.category, lang))}</td><td>${esc(pageTopicsLine(page, t, lang) ?? '')}</td><td class="num">${page.documents}</td>` +
      `<td>${page.error ? esc(`${page.error.code}: ${page.error.message[lang]}`) : page.truncated ? esc(t.html.readInPart) : ''}</td></tr>`,
  );
  const head = [t.html.url, t.html.httpStatus, t.html.pageType, t.html.category, t.html.topics, t.html.documents, t.html.fetchError]
    .map((label) => `<th scope="col">${esc(label)}</th>`)
    .join('');
  return (
    `<section aria-labelledby="pages"><h2 id="pages">${esc(t.html.pages)}</h2>` +
    `<details><summary>${esc(t.html.showPages(report.pages.length))}</summary>` +
    `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></details></section>`
  );
}

/** robots.txt and each sitemap: what it answered and what the crawl took from it. */
function discoverySection(report: Report, t: Messages, lang: Lang): string {
  const lines = discoveryLines(report, t, lang);
  if (!lines) return '';
  const words = t.discovery;
  let body = '';
  if (lines.robots) body += `<h3>${esc(words.robots)}</h3><p>${urlHtml(lines.robots.url)} · ${esc(lines.robots.text)}</p>`;
  if (lines.sitemaps) {
    const items = lines.sitemaps.map((sitemap) => `<li>${urlHtml(sitemap.url)} <small>(${esc(sitemap.source ?? '')})</small> · ${esc(sitemap.text)}</li>`);
    body += `<h3>${esc(words.sitemaps)}</h3>${items.length ? `<ul class="discovery">${items.join('')}</ul>` : `<p>${esc(words.noSitemaps)}</p>`}`;
  }
  if (lines.aliases.length) {
    const items = lines.aliases.map((alias) => `<li>${urlHtml(alias.url)} · ${esc(alias.text)}</li>`);
    body += `<h3>${esc(words.aliases)}</h3><ul class="discovery">${items.join('')}</ul>`;
  }
  return `<section aria-labelledby="discovery"><h2 id="discovery">${esc(words.title)}</h2>${body}</section>`;
}

function fatalSection(report: Report, t: Messages, lang: Lang): string {
  const fatal = report.fatal!;
  return (
    `<section class="fatal" aria-labelledby="fatal"><h2 id="fatal">${esc(t.fatalTitle)}</h2>` +
    `<p>${esc(fatal.message[lang])}</p>` +
    `<p><strong>${esc(t.whatToDo)}:</strong> ${esc(fatalAdvice(fatal, t))}</p></section>`
  );
}

export function renderHtml(report: Report, options: HtmlOptions): string {
  const { lang } = options;
  const t = messages(lang);
  const main = report.fatal
    ? [fatalSection(report, t, lang), discoverySection(report, t, lang)].join('\n')
    : [maturitySection(report, t, lang), pointsSection(report, t), criteriaSection(report, t, lang), classificationSection(report, t, lang), topicsSection(report, t, lang), findingsSection(report, t, lang), otherChecksSection(report, t, lang), pagesSection(report, t, lang), discoverySection(report, t, lang)].join('\n');
  return `<!doctype html>
<html lang="${esc(t.htmlLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${t.reportTitle} — ${report.site.host}`)}</title>
<style>${CSS}${CHART_CSS}</style>
</head>
<body>
<header>
<p class="tool">${esc(`${report.tool.name} ${report.tool.version}`)}</p>
<h1>${esc(t.reportTitle)}</h1>
${factsList(report, t, lang)}
</header>
<main>
${main}
</main>
<footer><p>${esc(t.html.generatedBy(`${report.tool.name} ${report.tool.version}`))}</p></footer>
</body>
</html>
`;
}
