import { describe, expect, it } from 'vitest';
import { renderAnnotations } from '../../src/report/annotations.js';
import { escapeMarkdown, renderMarkdown } from '../../src/report/markdown.js';
import { makeCheck } from '../score/make-check.js';
import { SITE, makePage, makeSite, sampleReport } from './sample.js';

describe('markdown summary', () => {
  it('puts index, level and cap first, then the ten points, the governance rows and the findings with evidence links', () => {
    const text = renderMarkdown(sampleReport(), { lang: 'it' });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^## Maturità digitale del sito comunale: https:\/\/www\.comune\.esempio\.it\/$/);
    expect(text).toContain('**Indice di maturità: 63,3 / 100 · Livello 3 di 5 · Intermedio**');
    expect(text).toContain('> ⚠ limitato perché un obbligo di legge non è rispettato (Privacy (GDPR)); il solo indice darebbe 4 di 5 · Avanzato');
    expect(text.indexOf('### I dieci punti')).toBeLessThan(text.indexOf('### Governance'));
    expect(text.indexOf('### Governance')).toBeLessThan(text.indexOf('### Problemi principali'));
    expect(lines.filter((line) => /^\| \d+ \|/.test(line))).toHaveLength(10);
    expect(text).toMatch(/\| 1 \| Anagrafe nazionale \(ANPR\) \| [✔◐✘?!] \S/);
    // A finding's evidence is a link to the page where it was seen.
    expect(text).toMatch(/^ {2}- \[https:\/\/www\.comune\.esempio\.it\/[^\]]*\]\(<https:\/\/www\.comune\.esempio\.it\/[^>]*>\)/m);
  });

  it('says beside the index which points it could not judge, and in a single-page audit the page kind and why', () => {
    expect(renderMarkdown(sampleReport(), { lang: 'it' })).toContain(
      '\n\nCalcolato su 9 punti su 10; fuori dal calcolo, perché nessun loro controllo è verificabile dal sito: Infrastrutture e cloud\n\n',
    );
    const page = makePage(SITE, 0, { pageType: { type: 'home', section: null, reason: 'start', signals: [{ it: 'è l’indirizzo di partenza', en: 'it is the start address' }] } });
    const single = sampleReport({ site: makeSite([page], { singlePage: true }) });
    expect(renderMarkdown(single, { lang: 'it' })).toContain('**Tipo di pagina**: home page — perché: è l’indirizzo di partenza');
    expect(renderMarkdown(single, { lang: 'en' })).toContain('**Page kind**: home page — why: it is the start address');
    expect(renderMarkdown(sampleReport(), { lang: 'it' })).not.toContain('**Tipo di pagina**');
  });

  it('lists regressions against the baseline before the points, with the evidence no longer found', () => {
    const report = sampleReport();
    const text = renderMarkdown(report, {
      lang: 'en',
      baseline: { path: 'live.json', index: 70.1, regressions: [{ id: 'privacy', before: 'pass', after: 'fail', lost: ['/privacy · a[href]'] }] },
    });
    const worse = text.indexOf('### Worse than live.json');
    expect(worse).toBeGreaterThan(0);
    expect(worse).toBeLessThan(text.indexOf('### The ten points'));
    expect(text).toContain('Maturity index: 70.1 → 63.3');
    expect(text).toMatch(/\| \*\*privacy\*\* .* \| ✔ passed \| ✘ failed \| `\/privacy · a\[href\]` \|/);
    const none = renderMarkdown(report, { lang: 'en', baseline: { path: 'live.json', index: 63.3, regressions: [] } });
    expect(none).toContain('No check got worse.');
  });

  it('escapes what the site supplied: a title cannot inject links, HTML or table cells', () => {
    expect(escapeMarkdown('a|b <img src=x> [x](javascript:y) *z* `c`')).toBe('a\\|b \\<img src=x\\> \\[x\\](javascript:y) \\*z\\* \\`c\\`');
    const hostile = makeCheck('spid', 'fail', {
      message: { it: 'Vedi <script>alert(1)</script> | cella', en: 'See <script> | cell' },
      evidence: [{ url: 'https://www.comune.esempio.it/a b>c', selector: 'a`x', snippet: '**bold** [link](http://evil)' }],
    });
    const text = renderMarkdown(sampleReport({ checks: [hostile] }), { lang: 'it' });
    expect(text).not.toContain('<script>');
    expect(text).toContain('Vedi \\<script\\>alert(1)\\</script\\> \\| cella');
    expect(text).toContain('(<https://www.comune.esempio.it/a%20b%3Ec>)');
    expect(text).toContain("`a'x`");
    expect(text).toContain('«\\*\\*bold\\*\\* \\[link\\](http://evil)»');
  });

  it('says why an audit could not run, and what to do', () => {
    const report = sampleReport({ site: makeSite([]), checks: [], fatal: { code: 'dns', message: { it: 'Il nome non si risolve', en: 'DNS lookup failed' } } });
    const text = renderMarkdown(report, { lang: 'en' });
    expect(text).toContain('**Audit not performed**: DNS lookup failed');
    expect(text).toMatch(/What to do: \S/);
  });
});

describe('GitHub Actions annotations', () => {
  it('one workflow command per failed or partial check, the cap and each regression; data and properties escaped', () => {
    const report = sampleReport();
    const text = renderAnnotations(report, { lang: 'en', regressions: [{ id: 'privacy', before: 'pass', after: 'fail', lost: [] }], ignored: new Set(['spid']) });
    const lines = text.trimEnd().split('\n');
    expect(lines.every((line) => /^::(error|warning|notice) title=[^:]+::\S/.test(line))).toBe(true);
    expect(lines).toContain('::warning title=comune-audit%3A Level 3 of 5 · Intermediate::capped because a legal obligation is not met (Privacy (GDPR)); the index alone would give 4 of 5 · Advanced');
    expect(lines).toContain('::error title=comune-audit privacy::worse than the baseline report: passed → failed');
    const failed = report.checks.filter((check) => check.status === 'fail' && check.id !== 'spid').length;
    const partial = report.checks.filter((check) => check.status === 'partial').length;
    expect(lines.filter((line) => line.startsWith('::error title=comune-audit ') && !line.includes('worse than'))).toHaveLength(failed);
    expect(lines.filter((line) => line.startsWith('::warning title=comune-audit ') && !line.includes('Level'))).toHaveLength(partial);
    const multiLine = makeCheck('io', 'fail', { message: { it: 'a\nb 100%', en: 'a\nb 100%' } });
    expect(renderAnnotations(sampleReport({ checks: [multiLine] }), { lang: 'en' })).toContain(': a%0Ab 100%25');
  });
});
