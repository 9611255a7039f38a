// Rows of a list → survey targets. Every row stays: a row that cannot be audited carries its reason (no site, an
// unreadable site, a repeated IPA code, a site already listed for another body) so it is a row of the results too.
import type { ListProblem, SurveyTarget } from '../types.js';
import { istatCodeOf, placeNamed, provinceOf } from './istat.js';
import type { ListRow } from './read.js';
import { readSiteCell, siteIdentity } from './site.js';

/**
 * IndicePA files comuni under category L6 "Comuni e loro Consorzi e Associazioni" with nature 2430 (comune); the
 * consortia and associations of the same category have other natures. Comuni created lately may have no nature
 * yet: a "Comune di …" of category L6 without one is a comune too.
 */
export function isComune(row: ListRow): boolean {
  if (row.category !== 'L6') return false;
  return row.nature === '2430' || (row.nature === '' && /^\s*comune\b/i.test(row.name));
}

/** Rows → targets, in the file's order; `problems` gets the remarks that are not a rejection. */
export function toTargets(rows: ListRow[], problems: ListProblem[]): SurveyTarget[] {
  const codes = new Map<string, number>();
  const sites = new Map<string, { line: number; ipaCode: string }>();
  const unknownProvinces = new Map<string, number[]>();
  const targets: SurveyTarget[] = [];

  for (const row of rows) {
    const ipaCode = row.ipaCode || null;
    const istatCode = istatCodeOf(row.istat);
    const province = istatCode ? provinceOf(istatCode) : null;
    if (istatCode && !province) unknownProvinces.set(istatCode.slice(0, 3), [...(unknownProvinces.get(istatCode.slice(0, 3)) ?? []), row.line]);
    const cell = readSiteCell(row.site);
    const url = cell.kind === 'site' ? cell.url : null;
    const target: SurveyTarget = {
      line: row.line,
      key: ipaCode ?? url ?? `line:${row.line}`,
      ipaCode,
      name: row.name || null,
      istatCode,
      // The ISTAT code decides; without one, the list's own region and province columns, if it has them.
      region: province?.region ?? (istatCode ? null : placeNamed('region', row.region)),
      province: province?.name ?? (istatCode ? null : placeNamed('province', row.province)),
      url,
      rawUrl: row.site,
      rejected: null,
    };
    targets.push(target);

    const codeKey = ipaCode?.toLowerCase();
    const firstWithCode = codeKey ? codes.get(codeKey) : undefined;
    if (codeKey && firstWithCode === undefined) codes.set(codeKey, row.line);
    if (firstWithCode !== undefined) {
      target.key = `${ipaCode}@line:${row.line}`;
      target.url = null;
      target.rejected = { reason: 'duplicate', detail: `line ${firstWithCode}` };
      continue;
    }
    if (cell.kind === 'none') {
      target.rejected = { reason: 'no-website', detail: '' };
      continue;
    }
    if (cell.kind === 'invalid') {
      target.rejected = { reason: 'invalid-url', detail: row.site };
      continue;
    }
    if (cell.others.length) {
      problems.push({
        line: row.line,
        message: {
          it: `più siti nella stessa cella: si esamina ${cell.url}, non ${cell.others.join(', ')}`,
          en: `several sites in one cell: ${cell.url} is audited, not ${cell.others.join(', ')}`,
        },
      });
    }
    const identity = siteIdentity(cell.url);
    const owner = sites.get(identity);
    if (!owner) {
      sites.set(identity, { line: row.line, ipaCode: ipaCode ?? '' });
    } else if (ipaCode) {
      // Another body's site: audited once, for the row that lists it first.
      target.url = null;
      target.rejected = { reason: 'shared-website', detail: `${owner.ipaCode || cell.url} line ${owner.line}`.trim() };
    } else {
      // A list without codes: the same site twice is the same row twice.
      target.key = `line:${row.line}`;
      target.url = null;
      target.rejected = { reason: 'duplicate', detail: `line ${owner.line}` };
    }
  }

  for (const [code, lines] of unknownProvinces) {
    problems.push({
      line: lines[0],
      message: {
        it: `il codice ISTAT ${code}… (${lines.length} righe) non è di nessuna provincia nota: regione e provincia restano vuote`,
        en: `ISTAT code ${code}… (${lines.length} rows) belongs to no known province: region and province are left empty`,
      },
    });
  }
  return targets;
}
