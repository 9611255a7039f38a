// One entry point for every report format. Each reporter is a pure function of the Report.
import type { Report } from '../types.js';
import { renderChecksCsv } from './csv.js';
import { renderHtml } from './html.js';
import type { Lang } from './i18n/index.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderTerminal } from './terminal.js';
import { renderMarkdown, type MarkdownOptions } from './markdown.js';

export type ReportFormat = 'terminal' | 'json' | 'csv' | 'html' | 'junit' | 'markdown';

export interface RenderOptions {
  lang: Lang;
  /** Terminal only: ANSI colour. */
  color?: boolean;
  /** Terminal only: columns to lay out for. */
  width?: number;
  /** Terminal only: how many findings to list. */
  top?: number;
  /** CSV only: prepend a UTF-8 BOM. */
  bom?: boolean;
  /** CSV only: ',' or ';' with decimal commas (Excel in Italian). */
  separator?: ',' | ';';
  /** CSV only: ids for headers and coded values even in Italian (--csv-ids). */
  csvIds?: boolean;
  /** Markdown only: the --baseline comparison, listed first. */
  baseline?: MarkdownOptions['baseline'];
}

/** The report in the given format; for CSV, the checks table (the pages table is renderPagesCsv). */
export function render(report: Report, format: ReportFormat, options: RenderOptions): string {
  switch (format) {
    case 'terminal':
      return renderTerminal(report, { lang: options.lang, color: options.color ?? false, width: options.width, top: options.top });
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderChecksCsv(report, { lang: options.lang, bom: options.bom ?? false, separator: options.separator, ids: options.csvIds });
    case 'html':
      return renderHtml(report, { lang: options.lang });
    case 'junit':
      return renderJunit(report, { lang: options.lang });
    case 'markdown':
      return renderMarkdown(report, { lang: options.lang, baseline: options.baseline });
  }
}

export { buildReport, type BuildReportInput } from './build.js';
export { renderChecksCsv, renderPagesCsv } from './csv.js';
export { renderHtml } from './html.js';
export type { Lang } from './i18n/index.js';
export { renderJson } from './json.js';
export { renderJunit } from './junit.js';
export { renderTerminal } from './terminal.js';
