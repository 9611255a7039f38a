// Walks every rule's evidence over every rule fixture and the design fixture site (with near-miss variants), and
// checks the evidence contract: notes in both languages, never a plain string; snippets only what was seen.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/check/registry.js';
import { runRules } from '../../src/check/run.js';
import { packageRoot } from '../../src/util/paths.js';
import type { CheckResult, SiteFacts, TlsFacts } from '../../src/types.js';
import { designSite, edit } from '../design/fixtures.js';
import { evidenceProblems } from './evidence.js';
import { fixtureSite } from './site.js';

const RULE_FIXTURES = join(packageRoot, 'fixtures', 'rules');
const fixtures = readdirSync(RULE_FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.html'))
  .map((name) => name.split('\\').join('/'))
  .sort();

const tls = (overrides: Partial<TlsFacts>): TlsFacts => ({
  https: true,
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  validFrom: '2025-01-01T00:00:00.000Z',
  validTo: '2026-12-31T00:00:00.000Z',
  issuer: 'Test CA',
  subjectAltNames: [],
  authorized: true,
  authorizationError: null,
  httpRedirectsToHttps: true,
  ...overrides,
});

const sites: [string, SiteFacts][] = [
  ...fixtures.map((fixture): [string, SiteFacts] => [fixture, fixtureSite([{ fixture, path: '/' }], { tls: tls({}) })]),
  // All rule fixtures as one site, each under its own folder's path (news pages where the fixture is about news).
  [
    'all rule fixtures',
    fixtureSite(
      fixtures.map((fixture, index) => ({
        fixture,
        path: index === 0 ? '/' : `/${fixture.includes('news') ? 'novita/notizie/' : ''}${fixture.replace(/\.html$/, '')}`,
        headers: index === 0 ? { server: 'AmazonS3' } : undefined,
      })),
      { tls: tls({ validTo: '2026-01-20T00:00:00.000Z', httpRedirectsToHttps: false }) },
    ),
  ],
  ['expired TLS 1.1, rejected', fixtureSite([{ fixture: 'security/mixed.html', path: '/' }], { tls: tls({ protocol: 'TLSv1.1', validTo: '2026-01-01T00:00:00.000Z', authorized: false, authorizationError: 'CERT_HAS_EXPIRED' }) })],
  ['design site', designSite({ extra: { tls: tls({}) } })],
  ['design site, single page', designSite({ extra: { tls: tls({}), singlePage: true } })],
  [
    'design site, near misses',
    designSite({
      pages: {
        '/': edit('/', ' data-element="privacy-policy-link"', ''),
        '/argomenti': null,
        '/note-legali': null,
        '/servizi/carta-identita': edit('/servizi/carta-identita', ' data-element="appointment-booking"', ''),
      },
      headers: { '/servizi': { 'set-cookie': '_ga=1; Domain=tracker.example.com' } },
      extra: { tls: tls({ protocol: 'TLSv1.1', cipher: 'RC4-MD5' }), host: 'www.comunediprova.it' },
    }),
  ],
];

const results: [string, CheckResult[]][] = sites.map(([name, site]) => [name, runRules(allRules, site)]);
const everyCheck = results.flatMap(([, checks]) => checks);
const notes = everyCheck.flatMap((check) => check.evidence.flatMap((item) => (item.note ? [{ id: check.id, note: item.note }] : [])));

describe('evidence of every rule over the fixtures', () => {
  it('runs every rule without an error', () => {
    expect(everyCheck.filter((check) => check.status === 'error').map((check) => `${check.id}: ${check.message.en}`)).toEqual([]);
  });

  it('keeps the contract: notes in Italian and English, never a plain string; snippets only what was seen', () => {
    const problems = results.flatMap(([name, checks]) => evidenceProblems(checks).map((problem) => ({ site: name, ...problem })));
    expect(problems).toEqual([]);
  });

  it('walks notes from most rules, and their Italian is not the English copied', () => {
    const rulesWithNotes = new Set(notes.map(({ id }) => id));
    // The walk is not vacuous: nearly every rule left a note somewhere (io, online-services, anpr… all do).
    expect(rulesWithNotes.size).toBeGreaterThanOrEqual(allRules.length - 4);
    const translated = notes.filter(({ note }) => note.it !== note.en);
    // Product names (Google Analytics, iubenda…) read the same in both languages; everything else is translated.
    const untranslated = notes.filter(({ note }) => note.it === note.en && !/^[A-Z][\w.]*(?: [\w.()]+)*$/.test(note.en));
    expect(translated.length).toBeGreaterThan(notes.length / 2);
    expect(untranslated.map(({ id, note }) => `${id}: ${note.en}`)).toEqual([]);
  });
});
