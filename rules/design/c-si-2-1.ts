// C.SI.2.1 Appointment booking, as the official checker decides it: the services index and every service page carry
// an element marked data-element="appointment-booking" with an href of its own other than "#" or "" (1), else 0.
// A service link that failed to load is a service page without it. There is no partial.
import { defineRule, evidence, joinLocalised } from '../../src/check/define.js';
import type { AnalysedPage } from '../../src/types.js';
import type { PageVerdict } from './shared.js';
import { agidMeta, failedServiceVerdict, pageNotFound, pagesOfType, servicePages, usableHref, worstPage } from './shared.js';
import { officialGathering, SERVICE_KINDS } from './gathering.js';

const MARKER = 'appointment-booking';

function verdictFor(page: AnalysedPage): PageVerdict {
  const marked = page.dataElements.filter((element) => element.name === MARKER);
  const link = marked.find(usableHref);
  const selector = `[data-element="${MARKER}"]`;
  if (link) {
    const button = page.dataElements.some((element) => element.name === 'service-booking-access');
    const note = button ? { it: 'presente anche il pulsante service-booking-access', en: 'service-booking-access button present too' } : undefined;
    return { page, score: 1, evidence: [evidence(page.url, selector, `${link.text} → ${link.href}`, note)] };
  }
  const why = marked.length
    ? { it: `elemento marcato ${MARKER} presente, ma senza un href utilizzabile (${marked.map((element) => `href="${element.rawHref ?? '—'}"`).join(', ')})`, en: `element marked ${MARKER} present, but without a usable href (${marked.map((element) => `href="${element.rawHref ?? '—'}"`).join(', ')})` }
    : { it: `nessun link "Prenota appuntamento" marcato data-element="${MARKER}"`, en: `no "book an appointment" link marked data-element="${MARKER}"` };
  return { page, score: 0, evidence: [evidence(page.url, selector, marked[0]?.text ?? '', joinLocalised([why]))] };
}

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
  officialGathering(SERVICE_KINDS, (site) => {
    const index = pagesOfType(site, 'services-index');
    const { pages: services, failed } = servicePages(site);
    if (!index.length && !services.length) return pageNotFound({ it: 'pagina Servizi e schede servizio', en: 'services index and service pages' }, site);
    const verdicts = [...index.map(verdictFor), ...services.map(verdictFor), ...failed.map(failedServiceVerdict)];
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
  }),
);
