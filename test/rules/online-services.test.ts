import { describe, expect, it } from 'vitest';
import onlineServices from '../../rules/online-services.js';
import type { CategoryId, SiteFacts } from '../../src/types.js';
import { fixtureSite, onePage, url } from './site.js';

function classify(site: SiteFacts, path: string, category: CategoryId, declaredCategory: CategoryId | null): void {
  const page = site.pages.find((p) => p.url === url(path))!;
  page.classification = { category, confidence: 0.9, alternatives: [], declaredCategory };
}

describe('online-services', () => {
  it('passes with ≥ 10 services listed and an online channel', () => {
    const site = fixtureSite([
      { fixture: 'online-services/services-index.html', path: '/servizi' },
      { fixture: 'online-services/service-online.html', path: '/servizi/scuola/iscrizione-mensa' },
    ]);
    const result = onlineServices.check(site);
    expect(result.status).toBe('pass');
    expect(result.score).toBe(1);
    expect(result.details).toMatchObject({ servicePages: 1, servicesListed: 12, channels: ['service-online-access', 'appointment-booking'] });
    expect(result.evidence[0]).toEqual({
      url: url('/servizi/scuola/iscrizione-mensa'),
      selector: '[data-element="service-online-access"]',
      snippet: 'Iscriviti online → https://servizi.comune.esempio.it/mensa',
      note: { it: 'accesso online al servizio', en: 'online service access' },
    });
  });

  it('is partial with one service page and no online channel', () => {
    const result = onlineServices.check(onePage('online-services/service-offline.html', '/servizi/mobilita/contrassegno-disabili'));
    expect(result.status).toBe('partial');
    expect(result.evidence).toEqual([
      {
        url: url('/servizi/mobilita/contrassegno-disabili'),
        selector: 'h1[data-element="service-title"]',
        snippet: 'Contrassegno disabili - Comune di Esempio',
        note: { it: 'scheda servizio', en: 'service page' },
      },
    ]);
  });

  it('is partial on the model home page: channels but no services reached', () => {
    const result = onlineServices.check(onePage('../modello-comuni/site/sito/homepage.html'));
    expect(result.status).toBe('partial');
    expect(result.details).toMatchObject({ channels: ['appointment-booking', 'personal-area-login', 'report-inefficiency'] });
  });

  it('fails with neither service pages nor channels', () => {
    const result = onlineServices.check(onePage('common/plain.html', '/uffici/tecnico'));
    expect(result.status).toBe('fail');
    expect(result.score).toBe(0);
  });

  it('names the categories without a service page and the pages whose breadcrumb disagrees with the classifier', () => {
    const site = fixtureSite([
      { fixture: 'online-services/services-index.html', path: '/servizi' },
      { fixture: 'online-services/service-online.html', path: '/servizi/scuola/iscrizione-mensa' },
      { fixture: 'online-services/service-offline.html', path: '/servizi/mobilita/contrassegno-disabili' },
    ]);
    classify(site, '/servizi/scuola/iscrizione-mensa', 'educazione-formazione', 'educazione-formazione');
    classify(site, '/servizi/mobilita/contrassegno-disabili', 'salute-benessere-assistenza', 'mobilita-trasporti');
    const result = onlineServices.check(site);
    // the breadcrumb's category counts where there is one; the classifier's answer only fills in
    expect(result.details?.servicesPerCategory).toEqual(['educazione-formazione: 1', 'mobilita-trasporti: 1']);
    const missing = result.details?.categoriesWithoutService as string[];
    expect(missing).toHaveLength(13);
    expect(missing).toContain('salute-benessere-assistenza');
    expect(missing).not.toContain('mobilita-trasporti');
    expect(missing).not.toContain('educazione-formazione');
    expect(missing).not.toContain('altro');
    expect(result.details?.categoryDisagreements).toEqual([
      `${url('/servizi/mobilita/contrassegno-disabili')} (classified salute-benessere-assistenza, breadcrumb mobilita-trasporti)`,
    ]);
    expect(result.message.it).toContain('Nessuna pagina di servizio per: Salute, benessere e assistenza, Vita lavorativa');
  });
});
