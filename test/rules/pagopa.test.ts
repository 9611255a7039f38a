import { describe, expect, it } from 'vitest';
import pagopa from '../../rules/pagopa.js';
import { fixtureSite, onePage, url } from './site.js';

describe('pagopa', () => {
  it('passes on a link to the pagoPA checkout', () => {
    const result = pagopa.check(onePage('pagopa/checkout.html', '/servizi/tari'));
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.evidence).toEqual([
      {
        url: url('/servizi/tari'),
        selector: '[data-element="service-online-access"]',
        snippet: 'Paga online con pagoPA → https://checkout.pagopa.it/',
        note: { it: 'portale di pagamento', en: 'payment portal' },
      },
    ]);
  });

  it('passes on a regional intermediary and on a pagopa.* portal of the comune', () => {
    const result = pagopa.check(onePage('pagopa/intermediary.html', '/servizi/pagamenti'));
    expect(result.status).toBe('pass');
    const snippets = result.evidence.map((ev) => ev.snippet);
    expect(snippets).toContain('Portale dei pagamenti di Regione Lombardia → https://pagamentinlombardia.servizirl.it/pa/home.html');
    expect(snippets).toContain('Pagamenti spontanei → https://pagopa.comune.esempio.it/pagamenti-spontanei');
  });

  it('passes on service text about the pagoPA notice the comune issues', () => {
    const result = pagopa.check(onePage('pagopa/notice.html', '/servizi/canone'));
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toEqual({ url: url('/servizi/canone'), selector: 'text', snippet: "Riceverai a casa l'avviso di pagamento pagoPA:" });
  });

  it('passes on the model service page that asks for the "Codice Avviso PagoPA"', () => {
    const result = pagopa.check(onePage('../modello-comuni/site/servizi/pagamenti-multa-scheda-servizio.html', '/servizi/pagamenti-multa-scheda-servizio.html'));
    expect(result.status).toBe('pass');
    expect(result.evidence[0].snippet).toContain('Codice Avviso PagoPA');
  });

  it('is partial for a mention, the logo and a link to the pagoPA information site', () => {
    const result = pagopa.check(onePage('pagopa/mention.html', '/servizi/come-pagare'));
    expect(result.status).toBe('partial');
    expect(result.score).toBe(0.5);
    expect(result.evidence.map((ev) => ev.note?.en)).toEqual([undefined, 'pagoPA logo', 'information site, not a payment portal']);
    expect(result.evidence[2].snippet).toBe("Cos'è pagoPA → https://www.pagopa.gov.it/");
  });

  it('fails, with the sentence as evidence, when the site says "pagoPA non è ancora attivo"', () => {
    const result = pagopa.check(onePage('pagopa/not-active.html', '/servizi/mensa'));
    expect(result.status).toBe('fail');
    expect(result.message.en).toBe('The site states that pagoPA is not active.');
    expect(result.evidence).toEqual([{ url: url('/servizi/mensa'), selector: 'text', snippet: 'Il servizio pagoPA non è ancora attivo:' }]);
  });

  it('fails with no pagoPA anywhere on the model home page', () => {
    const result = pagopa.check(onePage('../modello-comuni/site/sito/homepage.html'));
    expect(result.status).toBe('fail');
    expect(result.details).toMatchObject({ paymentLinks: 0, mentions: 0 });
  });

  it('lets a payment link win over a page that says pagoPA is not active', () => {
    const site = fixtureSite([
      { fixture: 'pagopa/not-active.html', path: '/servizi/mensa' },
      { fixture: 'pagopa/checkout.html', path: '/servizi/tari' },
    ]);
    const result = pagopa.check(site);
    expect(result.status).toBe('pass');
    expect(result.details).toMatchObject({ paymentLinks: 1, deniedMentions: 1 });
  });
});
