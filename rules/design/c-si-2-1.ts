// C.SI.2.1 Appointment booking: the booking component (data-element="appointment-booking") on the services
// index and on every service page.
import { defineRule, evidence, joinLocalised } from '../../src/check/define.js';
import { agidMeta, markedLink, pageNotFound, pagesOfType, worstPage } from './shared.js';

export default defineRule(
  agidMeta({
    id: 'C.SI.2.1',
    title: {
      it: 'C.SI.2.1 - PRENOTAZIONE APPUNTAMENTI - Il sito comunale deve consentire di prenotare un appuntamento presso lo sportello di competenza.',
      en: 'C.SI.2.1 - Appointment booking - The comune website must let people book an appointment at the competent office.',
    },
    weight: 1,
    group: 'funzionalita',
    pageTypes: ['services-index', 'service'],
  }),
  (site) => {
    const index = pagesOfType(site, 'services-index');
    const services = pagesOfType(site, 'service');
    if (!index.length && !services.length) return pageNotFound({ it: 'pagina Servizi e schede servizio', en: 'services index and service pages' }, site);
    const verdicts = [...index, ...services].map((page) => {
      const link = markedLink(page, 'appointment-booking');
      const booking = page.dataElements.some((element) => element.name === 'service-booking-access');
      const notes = [
        ...(link ? [] : [{ it: 'nessun componente appointment-booking', en: 'no appointment-booking component' }]),
        ...(booking ? [{ it: 'presente anche il pulsante service-booking-access', en: 'service-booking-access button present too' }] : []),
      ];
      return {
        page,
        score: link ? (1 as const) : (0 as const),
        evidence: [
          evidence(page.url, link?.selector ?? '[data-element="appointment-booking"]', link ? `${link.text || link.label} → ${link.href}` : '', notes.length ? joinLocalised(notes) : undefined),
        ],
      };
    });
    const extra = !site.singlePage && !index.length ? [evidence(site.siteUrl, 'page-type', '', { it: 'pagina Servizi non trovata', en: 'services index page not found' })] : [];
    const outcome = worstPage(verdicts, (score, counts) =>
      score === 1
        ? { it: `Prenotazione appuntamento presente in tutte le pagine analizzate (${counts})`, en: `Appointment booking on every page checked (${counts})` }
        : { it: `Prenotazione appuntamento assente in almeno una pagina (presente ${counts})`, en: `Appointment booking missing on at least one page (present ${counts})` },
      extra,
    );
    if (extra.length && outcome.status === 'pass') {
      return { ...outcome, status: 'fail', score: 0, message: { it: 'Pagina non trovata: pagina Servizi', en: 'Page not found: services index' } };
    }
    return outcome;
  },
);
