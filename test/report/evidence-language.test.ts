// Real rule outcomes through the reporters: each evidence note reads in the report's language, and only in it.
import { describe, expect, it } from 'vitest';
import accessibility from '../../rules/accessibility.js';
import { designRules } from '../../rules/design/index.js';
import security from '../../rules/security.js';
import { runRules } from '../../src/check/run.js';
import { renderChecksCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { renderTerminal } from '../../src/report/terminal.js';
import type { Lang } from '../../src/report/i18n/index.js';
import type { CheckResult } from '../../src/types.js';
import { designSite, edit } from '../design/fixtures.js';
import { fixtureSite, onePage } from '../rules/site.js';
import { sampleReport } from './sample.js';

const privacyLinkRule = designRules.find((rule) => rule.meta.id === 'C.SI.3.3')!;

// Three kinds of evidence: a point rule's own (security: expired certificate), a design criterion's (C.SI.3.3: footer
// privacy link without its marker, which fails as officially) and one built by rules/find.ts (accessibility: linkEvidence of the statement link).
const expired = runRules([security], fixtureSite([{ fixture: 'security/secure.html', path: '/' }], {
  tls: {
    https: true,
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    validFrom: '2025-01-01T00:00:00.000Z',
    validTo: '2026-01-10T00:00:00.000Z',
    issuer: 'Test CA',
    subjectAltNames: [],
    authorized: true,
    authorizationError: null,
    httpRedirectsToHttps: true,
  },
}))[0];
const unmarked = runRules([privacyLinkRule], designSite({ pages: { '/': edit('/', ' data-element="privacy-policy-link"', '') } }))[0];
const statement = runRules([accessibility], onePage('accessibility/gaps.html', '/vivere-il-comune'))[0];

const NOTES = [
  { check: expired, it: 'certificato scaduto (audit del 2026-01-15T10:00:00.000Z)', en: 'certificate expired (audited at 2026-01-15T10:00:00.000Z)' },
  {
    check: unmarked,
    it: 'link all’informativa privacy: nessun elemento con data-element="privacy-policy-link" nel footer della homepage',
    en: 'privacy policy link: no element with data-element="privacy-policy-link" in the home page footer',
  },
  { check: statement, it: 'dichiarazione non pubblicata sul modulo AgID', en: 'statement not on the AgID form' },
];

const report = sampleReport({ checks: NOTES.map(({ check }) => check) });
const other = (lang: Lang): Lang => (lang === 'it' ? 'en' : 'it');

describe('evidence notes of real rules in the reports', () => {
  it('come from the rules as the first evidence of three findings, in both languages', () => {
    expect(NOTES.map(({ check }) => [check.id, check.status])).toEqual([
      ['security', 'fail'],
      ['C.SI.3.3', 'fail'],
      ['accessibility', 'partial'],
    ]);
    for (const { check, it: italian, en } of NOTES) expect(check.evidence[0].note).toEqual({ it: italian, en });
    expect(expired.evidence[0].snippet).toBe('2026-01-10T00:00:00.000Z');
  });

  for (const lang of ['it', 'en'] as const) {
    const notesIn = (language: Lang) => NOTES.map((note) => note[language]);

    it(`terminal (${lang}) prints each finding's note in ${lang} only`, () => {
      const text = renderTerminal(report, { lang, color: false, width: 400 });
      for (const note of notesIn(lang)) expect(text).toContain(note);
      for (const note of notesIn(other(lang))) expect(text).not.toContain(note);
    });

    it(`HTML (${lang}) prints each finding's note in ${lang} only`, () => {
      const html = renderHtml(report, { lang });
      const escaped = (note: string) => note.replaceAll('"', '&quot;');
      for (const note of notesIn(lang)) expect(html).toContain(`<em>${escaped(note)}</em>`);
      for (const note of notesIn(other(lang))) expect(html).not.toContain(escaped(note));
    });

    it(`CSV (${lang}) puts the first evidence's note in ${lang} in evidence_note`, () => {
      const csv = renderChecksCsv(report, { bom: false, lang });
      for (const note of notesIn(lang)) expect(csv).toContain(note.replaceAll('"', '""'));
      for (const note of notesIn(other(lang))) expect(csv).not.toContain(note.replaceAll('"', '""'));
    });
  }

  it('JSON keeps both languages', () => {
    const json = JSON.parse(renderJson(report)) as { checks: CheckResult[] };
    expect(json.checks.map((check) => check.evidence[0].note)).toEqual(NOTES.map(({ it: italian, en }) => ({ it: italian, en })));
  });
});
