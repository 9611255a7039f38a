import { describe, expect, it } from 'vitest';
import cie from '../../rules/cie.js';
import { onePage, url } from './site.js';

describe('cie', () => {
  it('passes on the model login page ("Entra con CIE" image)', () => {
    const result = cie.check(onePage('../modello-comuni/site/servizi/accesso-servizio.html', '/servizi/accesso-servizio.html'));
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toEqual({
      url: url('/servizi/accesso-servizio.html'),
      selector: 'img[src="../assets/images/cie.svg"]',
      snippet: 'alt="Entra con CIE"',
    });
  });

  it('passes on a CIE button of an identity gateway (labelled "Entra con CIE", SPID kit classes)', () => {
    const result = cie.check(onePage('cie/gateway-button.html', '/accedi'));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { url: url('/accedi'), selector: '.cie-idp-button-box', snippet: 'class="cie-idp-button-box"' },
      { url: url('/accedi'), selector: '#main-container a[href="/auth/realms/comune/broker/cie/login"]', snippet: 'Entra con CIE → https://www.comune.esempio.it/auth/realms/comune/broker/cie/login' },
    ]);
  });

  it('passes on a link to the Ministry’s CIE booking', () => {
    const result = cie.check(onePage('cie/booking.html', '/servizi/carta-identita-elettronica'));
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.evidence[0]).toMatchObject({
      selector: '[data-element="service-booking-access"]',
      snippet: "Prenota l'appuntamento → https://www.prenotazionicie.interno.it/cittadino/n/sc/loginCittadino",
      note: { it: 'prenotazione appuntamento CIE', en: 'CIE appointment booking' },
    });
  });

  it('is partial for a CIE service page without booking or login', () => {
    const result = cie.check(onePage('cie/service-page.html', '/servizi/carta-identita-elettronica'));
    expect(result.status).toBe('partial');
    expect(result.evidence[0]).toEqual({
      url: url('/servizi/carta-identita-elettronica'),
      selector: 'title',
      snippet: "Carta d'identità elettronica - Comune di Esempio",
      note: { it: 'pagina di servizio sulla CIE', en: 'CIE service page' },
    });
  });

  it('is partial on the model home page, whose menu links the CIE service page', () => {
    const result = cie.check(onePage('../modello-comuni/site/sito/homepage.html'));
    expect(result.status).toBe('partial');
    expect(result.evidence[0].snippet).toContain('Rilascio Carta Identità Elettronica (CIE)');
  });

  it('does not count a news article about a CIE open day', () => {
    const result = cie.check(onePage('cie/news.html', '/novita/notizie/open-day-cie'));
    expect(result.status).toBe('fail');
    expect(result.evidence).toEqual([
      { url: url('/novita/notizie/open-day-cie'), selector: 'text', snippet: 'Open day CIE sabato 12 aprile', note: { it: 'notizia: non conteggiata', en: 'news article: not counted' } },
    ]);
  });

  it('does not read "cie" inside words such as "superficie" or "specie"', () => {
    const result = cie.check(onePage('common/plain.html', '/uffici/tecnico'));
    expect(result.status).toBe('fail');
    expect(result.details).toMatchObject({ mentions: 0, servicePages: 0 });
  });
});
