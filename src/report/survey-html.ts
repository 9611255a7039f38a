// The survey dashboard: one self-contained HTML file (no script, nothing loaded from the network, prints on A4) for
// the people who decide — headline figures, the index distribution and levels, adoption of each point, the same by
// region and province, the commonest failures with an example's evidence, every comune, and how it was measured.
// Pure: same data and options → same string.
import { POINTS } from '../../rules/scoring.js';
import type { PointId, Status } from '../types.js';
import { STATUS_ORDER, STATUS_SYMBOL, escapeMarkup as esc, formatDecimal, levelName } from './common.js';
import { levelBands, statusLegend } from './charts/report.js';
import { CHART_CSS, STATUS_FILL, barChart, columnChart, stackedBarChart } from './charts/svg.js';
import { evidenceItem, urlHtml } from './html.js';
import { messages, type Lang, type Messages } from './i18n/index.js';
import type { SurveyData, SurveySite } from './survey-data.js';
import { HISTOGRAM_BINS, INDEXED_POINTS, surveyFigures, type AreaFigures, type SurveyFigures } from './survey-figures.js';

export interface SurveyHtmlOptions {
  lang: Lang;
  /** Where each kept report was written, relative to the dashboard, by site key; absent: no links. */
  reportLinks?: ReadonlyMap<string, string>;
  /** The "Cosa è cambiato" section, already rendered (survey-compare-html.ts), or ''. */
  changes?: string;
}

export function formatCount(value: number, t: Messages): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, t.thousandsSeparator);
}

/** A share as a whole percentage ("37%"); "—" when there is nothing to share. */
export function formatShare(count: number, total: number): string {
  return total ? `${Math.round((100 * count) / total)}%` : '—';
}

const CSS = `
:root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--accent:#0b4f9c}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Titillium Web",sans-serif;color:var(--fg);background:#fff}
header,main,footer{max-width:70rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem;border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:.2rem 0 .8rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .25rem}
a{color:var(--accent);overflow-wrap:anywhere}
a:focus-visible{outline:3px solid #f4b400;outline-offset:2px}
.tool{margin:0;color:var(--muted);font-size:.9rem}
.headline{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem;margin:1rem 0;padding:0}
.headline div{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem}
.headline dt{color:var(--muted);font-size:.9rem}
.headline dd{margin:0;font-size:1.9rem;font-weight:700;line-height:1.2}
.charts{display:flex;flex-wrap:wrap;gap:0 2.5rem;align-items:flex-start}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
thead th{font-size:.8rem;color:var(--muted);font-weight:600}
tbody th{font-weight:400}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.heat td.num{min-width:3.2rem}
.h0{background:#fff}.h1{background:#dbe9f8}.h2{background:#b3d0f0}.h3{background:#6fa3dc}.h4{background:#0b4f9c;color:#fff}
.inline-bar{display:inline-block;height:.7rem;background:var(--accent);vertical-align:middle;margin-right:.4rem}
.sym{text-align:center;font-weight:700}
.s-pass{color:#1a7f37}.s-partial{color:#8a5a00}.s-fail{color:#c62828}.s-unknown{color:#57606a}.s-error{color:#8250df}
.wide{overflow-x:auto}
ol.failures li{margin:.2rem 0}
ul.evidence{margin:.25rem 0 0;padding-left:1.1rem;font-size:.9rem}
code{font:.85rem/1.4 ui-monospace,"Roboto Mono",Menlo,Consolas,monospace;background:var(--soft);padding:0 .25rem;border-radius:3px;overflow-wrap:anywhere}
q{color:var(--muted)}
.example{border-left:3px solid var(--line);padding:.1rem 0 .1rem .8rem;margin:.8rem 0}
dl.method{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.method dt{font-weight:600}
dl.method dd{margin:0}
footer{margin-top:2rem;padding-bottom:2rem;color:var(--muted);font-size:.9rem;border-top:1px solid var(--line)}
@media print{a{color:inherit}.wide{overflow:visible}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}.h1,.h2,.h3,.h4,.inline-bar{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
`;

function section(id: string, title: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;
}

function indexText(value: number | null, t: Messages): string {
  return value === null ? t.notScored : formatDecimal(value, 1, t);
}

function headlineSection(figures: SurveyFigures, t: Messages): string {
  const h = figures.headline;
  const d = t.dashboard;
  const cards: [string, string][] = [
    [d.listed, formatCount(h.listed, t)],
    [d.scored, formatCount(h.scored, t)],
    [d.unavailable, formatCount(h.unavailable, t)],
    [d.medianIndex, indexText(h.medianIndex, t)],
  ];
  if (h.rejected) cards.splice(3, 0, [d.rejected, formatCount(h.rejected, t)]);
  if (h.failed) cards.splice(cards.length - 1, 0, [d.failed, formatCount(h.failed, t)]);
  const list = `<dl class="headline">${cards.map(([label, value]) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`).join('')}</dl>`;
  const reasons = h.reasons.length
    ? `<table><caption>${esc(d.reasonsCaption)}</caption><thead><tr><th scope="col">${esc(d.reason)}</th><th scope="col" class="num">${esc(d.comuni)}</th></tr></thead><tbody>` +
      h.reasons.map((r) => `<tr><th scope="row">${esc(d.reasonName(r.status, r.reason))}</th><td class="num">${formatCount(r.count, t)}</td></tr>`).join('') +
      `</tbody></table>`
    : '';
  return section('headline', d.headlineTitle, list + reasons);
}

function distributionSection(figures: SurveyFigures, t: Messages, lang: Lang): string {
  const d = t.dashboard;
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => `${i * 10}–${i * 10 + 10}`);
  const scored = figures.headline.scored;
  const histogram = columnChart(
    {
      id: 'chart-histogram',
      caption: d.histogramCaption,
      summary: d.histogramSummary(scored, indexText(figures.headline.medianIndex, t)),
      table: { head: [d.indexBand, d.comuni], rows: bins.map((bin, i) => [bin, formatCount(figures.histogram[i], t)]) },
    },
    bins,
    [{ name: d.comuni, fill: '#0b4f9c', values: figures.histogram }],
  );
  const bands = levelBands(lang);
  const levels = barChart(
    {
      id: 'chart-levels',
      caption: d.levelsCaption,
      summary: d.levelsSummary(figures.levels.map((level, i) => `${bands[i].label} ${formatShare(level.count, scored)}`).join(', ')),
      table: {
        head: [t.label.level, d.comuni, d.share],
        rows: figures.levels.map((level, i) => [`${bands[i].label} (${t.charts.band(bands[i].from, bands[i].to)})`, formatCount(level.count, t), formatShare(level.count, scored)]),
      },
    },
    figures.levels.map((level, i) => ({
      label: bands[i].label,
      value: scored ? (100 * level.count) / scored : 0,
      valueText: `${formatCount(level.count, t)} (${formatShare(level.count, scored)})`,
      fill: '#0b4f9c',
    })),
  );
  return section('distribution', d.distributionTitle, `<div class="charts">${histogram}${levels}</div>`);
}

function adoptionSection(figures: SurveyFigures, t: Messages): string {
  const d = t.dashboard;
  const present = STATUS_ORDER.filter((status) => figures.adoption.some((row) => row.counts[status] > 0));
  const name = (point: PointId) => (POINTS[point].weight === null ? `${t.pointName[point]} *` : t.pointName[point]);
  const chart = stackedBarChart(
    {
      id: 'chart-adoption',
      caption: d.adoptionCaption,
      summary: d.adoptionSummary(figures.headline.scored),
      table: {
        head: [t.html.point, ...present.map((status) => t.status[status])],
        rows: figures.adoption.map((row) => {
          const total = STATUS_ORDER.reduce((sum, status) => sum + row.counts[status], 0);
          return [name(row.point), ...present.map((status) => `${formatCount(row.counts[status], t)} (${formatShare(row.counts[status], total)})`)];
        }),
      },
    },
    figures.adoption.map((row) => ({ label: name(row.point), segments: present.map((status) => ({ count: row.counts[status], fill: STATUS_FILL[status] })) })),
    statusLegend(present, t),
    (count, total) => formatShare(count, total),
  );
  return section('adoption', d.adoptionTitle, chart + `<p>${esc(d.governanceNote)}</p>`);
}

/** A heat-map cell: the share as text, its shade in five steps (the text carries the figure; the shade helps the eye). */
function heatCell(share: number | null | undefined): string {
  if (share === null || share === undefined) return '<td class="num">—</td>';
  const step = share === 0 ? 0 : Math.min(4, 1 + Math.floor(share * 4));
  return `<td class="num h${step}">${Math.round(share * 100)}%</td>`;
}

function pointHeaders(t: Messages): string {
  return INDEXED_POINTS.map((point, i) => `<th scope="col" class="num"><span aria-hidden="true">${i + 1}</span><span class="sr-only">${esc(t.pointName[point])}</span></th>`).join('');
}

function pointKey(t: Messages): string {
  return `<p class="tool">${esc(t.dashboard.pointKey)} ${INDEXED_POINTS.map((point, i) => `${i + 1} ${esc(t.pointName[point])}`).join(' · ')}</p>`;
}

function areaTable(areas: AreaFigures[], caption: string, withRegion: boolean, t: Messages): string {
  const d = t.dashboard;
  const head =
    (withRegion ? `<th scope="col">${esc(d.region)}</th>` : '') +
    `<th scope="col">${esc(withRegion ? d.province : d.region)}</th><th scope="col" class="num">${esc(d.listedShort)}</th><th scope="col" class="num">${esc(d.scoredShort)}</th>` +
    `<th scope="col">${esc(d.medianIndex)}</th>${pointHeaders(t)}`;
  const rows = areas.map((area) => {
    const bar = area.medianIndex === null ? '' : `<span class="inline-bar" style="width:${(area.medianIndex / 20).toFixed(2)}rem" aria-hidden="true"></span>`;
    return (
      `<tr>${withRegion ? `<td>${esc(area.region ?? '')}</td>` : ''}<th scope="row">${esc(area.name)}</th>` +
      `<td class="num">${formatCount(area.listed, t)}</td><td class="num">${formatCount(area.scored, t)}</td>` +
      `<td class="num">${bar}${esc(indexText(area.medianIndex, t))}</td>${INDEXED_POINTS.map((point) => heatCell(area.passShare[point])).join('')}</tr>`
    );
  });
  return `<div class="wide"><table class="heat"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function areasSection(figures: SurveyFigures, t: Messages): string {
  const d = t.dashboard;
  if (!figures.regions.length && !figures.provinces.length) return section('areas', d.areasTitle, `<p>${esc(d.noAreas)}</p>`);
  return section(
    'areas',
    d.areasTitle,
    `<p>${esc(d.areasNote)}</p>${pointKey(t)}` +
      (figures.regions.length ? areaTable(figures.regions, d.byRegion, false, t) : '') +
      (figures.provinces.length ? areaTable(figures.provinces, d.byProvince, true, t) : ''),
  );
}

function failuresSection(data: SurveyData, figures: SurveyFigures, t: Messages, lang: Lang): string {
  const d = t.dashboard;
  if (!data.failures.length) return section('failures', d.failuresTitle, `<p>${esc(d.noFailures)}</p>`);
  const scored = figures.headline.scored;
  const list = data.failures.map(
    (failure, i) =>
      `<li><code>${esc(failure.checkId)}</code> ${esc(failure.title?.[lang] ?? t.pointName[failure.point])}: ` +
      `<strong>${esc(d.failedBy(formatCount(failure.comuni, t), formatShare(failure.comuni, scored)))}</strong> · <a href="#example-${i + 1}">${esc(d.seeExample)}</a></li>`,
  );
  const examples = data.failures.map((failure, i) => {
    const { example } = failure;
    const who = `${example.name ?? example.key}${example.url ? ` — ` : ''}`;
    const evidence = example.evidence.length ? `<ul class="evidence" aria-label="${esc(t.html.evidence)}">${example.evidence.map((item) => evidenceItem(item, lang)).join('')}</ul>` : `<p>${esc(d.evidenceMissing)}</p>`;
    return (
      `<div class="example" id="example-${i + 1}"><h3>${esc(d.exampleHeading(failure.checkId))}</h3>` +
      `<p>${esc(who)}${example.url ? urlHtml(example.url) : ''}</p><p>${esc(example.message[lang])}</p>${evidence}</div>`
    );
  });
  return section('failures', d.failuresTitle, `<ol class="failures">${list.join('')}</ol><h3>${esc(d.examplesTitle)}</h3>${examples.join('')}`);
}

function symbolCell(status: Status | undefined, t: Messages): string {
  if (!status) return '<td class="sym">—</td>';
  return `<td class="sym s-${status}"><span aria-hidden="true">${STATUS_SYMBOL[status]}</span><span class="sr-only">${esc(t.status[status])}</span></td>`;
}

function comuneRow(site: SurveySite, options: SurveyHtmlOptions, t: Messages, lang: Lang): string {
  const name = esc(site.name ?? site.key);
  const link = options.reportLinks?.get(site.key);
  const level = site.level ? levelName(site.level, lang) : '';
  const status = site.status === 'scored' ? esc(level) : esc(t.dashboard.reasonName(site.status, site.reason ?? 'other'));
  return (
    `<tr><th scope="row">${link ? `<a href="${esc(link)}">${name}</a>` : name}</th><td>${esc(site.province ?? '')}</td>` +
    `<td class="num">${esc(indexText(site.index, t))}</td><td>${status}</td>${INDEXED_POINTS.map((point) => symbolCell(site.points[point], t)).join('')}</tr>`
  );
}

function comuniSection(data: SurveyData, options: SurveyHtmlOptions, t: Messages, lang: Lang): string {
  const d = t.dashboard;
  const head = `<th scope="col">${esc(d.comune)}</th><th scope="col">${esc(d.province)}</th><th scope="col" class="num">${esc(t.label.index)}</th><th scope="col">${esc(t.label.level)}</th>${pointHeaders(t)}`;
  const legend = `<p class="tool">${esc(d.symbolKey)} ${STATUS_ORDER.map((status) => `${STATUS_SYMBOL[status]} ${esc(t.status[status])}`).join(' · ')}</p>`;
  const note = options.reportLinks?.size ? `<p>${esc(d.reportsLinked)}</p>` : '';
  return section(
    'comuni',
    d.comuniTitle,
    `${note}${pointKey(t)}${legend}<div class="wide"><table><caption>${esc(d.comuniCaption(formatCount(data.sites.length, t)))}</caption><thead><tr>${head}</tr></thead><tbody>` +
      `${data.sites.map((site) => comuneRow(site, options, t, lang)).join('')}</tbody></table></div>`,
  );
}

/** The options of the run that shape results, as "name: value" phrases; the run records them as given. */
function optionPhrases(options: Record<string, unknown>): string {
  return Object.entries(options)
    .filter(([, value]) => value !== undefined && value !== null && typeof value !== 'object')
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(' · ');
}

function methodSection(data: SurveyData, t: Messages): string {
  const d = t.dashboard;
  const { run } = data;
  const rows: [string, string][] = [
    [d.runLabel, d.runLine(run.id, run.startedAt.slice(0, 16).replace('T', ' '), run.finishedAt ? run.finishedAt.slice(0, 16).replace('T', ' ') : null)],
    [d.toolLabel, `comune-audit ${run.toolVersion}`],
    [d.listLabel, run.input],
    [d.optionsLabel, optionPhrases(run.options) || '—'],
  ];
  const list = `<dl class="method">${rows.map(([label, value]) => `<dt>${esc(label)}</dt><dd>${esc(value)}</dd>`).join('')}</dl>`;
  return section('method', d.methodTitle, list + d.methodNotes.map((note) => `<p>${esc(note)}</p>`).join(''));
}

export function renderSurveyHtml(data: SurveyData, options: SurveyHtmlOptions): string {
  const { lang } = options;
  const t = messages(lang);
  const figures = surveyFigures(data.sites);
  const main = [
    headlineSection(figures, t),
    distributionSection(figures, t, lang),
    adoptionSection(figures, t),
    areasSection(figures, t),
    options.changes ?? '',
    failuresSection(data, figures, t, lang),
    comuniSection(data, options, t, lang),
    methodSection(data, t),
  ]
    .filter(Boolean)
    .join('\n');
  return `<!doctype html>
<html lang="${esc(t.htmlLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.dashboard.title)}</title>
<style>${CSS}${CHART_CSS}</style>
</head>
<body>
<header>
<p class="tool">${esc(`comune-audit ${data.run.toolVersion}`)}</p>
<h1>${esc(t.dashboard.title)}</h1>
<p>${esc(t.dashboard.subtitle(data.run.input, data.run.id, data.run.startedAt.slice(0, 10)))}</p>
</header>
<main>
${main}
</main>
<footer><p>${esc(t.dashboard.footer)}</p></footer>
</body>
</html>
`;
}
