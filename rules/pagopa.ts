// Point 2 — payments with pagoPA. Passes on a link to a pagoPA payment portal (checkout.pagopa.it, a regional
// intermediary, a pagopa.* portal of the comune) or service text about the "avviso pagoPA" the comune issues;
// other mentions, the pagoPA logo or a link to pagoPA's information site are partial. A sentence saying pagoPA is
// not active ("pagoPA non è ancora attivo") is evidence against, never for.
import { defineRule, evidence, okPages, partial, pass } from '../src/check/define.js';
import type { Evidence } from '../src/types.js';
import { capEvidence, findLinks, hostIn, linkEvidence, mentions, notFound, splitNews } from './find.js';
import { PAGOPA_DOMAINS, PAGOPA_INFO_HOSTS, PAGOPA_INTERMEDIARY_DOMAINS, PAGOPA_PORTAL_HOST_LABELS } from './signals.js';

const PAGOPA_TERM = /\bpago\s?pa\b/i;
/** The notice a comune issues for each amount due: only a pagoPA creditor can issue it. */
const NOTICE_TERM = /\b(?:avvis[oi]|codice\s+avviso)\s+(?:di\s+pagamento\s+)?pago\s?pa\b|\bcodice\s+avviso\b|\bIUV\b/i;

function isPaymentPortal(host: string): boolean {
  if (hostIn(host, PAGOPA_DOMAINS)) return !PAGOPA_INFO_HOSTS.includes(host);
  if (hostIn(host, PAGOPA_INTERMEDIARY_DOMAINS)) return true;
  return host.split('.').some((label) => PAGOPA_PORTAL_HOST_LABELS.includes(label));
}

export default defineRule(
  {
    id: 'pagopa',
    point: 'pagopa',
    title: { it: 'Pagamenti con pagoPA', en: 'Payments with pagoPA' },
    failureTitle: { it: 'Pagamenti con pagoPA non trovati', en: 'pagoPA payments not found' },
    law: 'CAD (D.lgs. 82/2005) art. 5; D.L. 179/2012 art. 15 c. 5-bis; Linee guida AgID pagamenti elettronici',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const pages = okPages(site);
    const { services, news } = splitNews(pages);
    // Payment links count on any page: a news item linking the payment portal still lets citizens pay.
    const portals = findLinks(pages, (link) => isPaymentPortal(link.host)).map((hit) => linkEvidence(hit, { it: 'portale di pagamento', en: 'payment portal' }));
    const notices = mentions(services, NOTICE_TERM);
    const infoLinks = findLinks(services, (link) => PAGOPA_INFO_HOSTS.includes(link.host)).map((hit) =>
      linkEvidence(hit, { it: 'sito informativo, non un portale di pagamento', en: 'information site, not a payment portal' }),
    );
    const said = mentions(services, PAGOPA_TERM);
    const logos: Evidence[] = services.flatMap((page) => {
      const image = page.images.find((img) => PAGOPA_TERM.test(img.alt ?? '') || /pago-?pa/i.test(img.src.split('/').pop() ?? ''));
      return image ? [evidence(page.url, image.selector, image.alt || image.src, { it: 'logo pagoPA', en: 'pagoPA logo' })] : [];
    });
    const denied = [...said.denied, ...mentions(news, PAGOPA_TERM).denied];
    const details = {
      paymentLinks: portals.length,
      noticeMentions: notices.affirmed.length,
      mentions: said.affirmed.length,
      deniedMentions: denied.length,
    };

    const strong = [...portals, ...notices.affirmed];
    if (strong.length) {
      return pass(
        capEvidence(strong),
        {
          it: 'Pagamenti pagoPA raggiungibili dal sito (portale di pagamento o avvisi pagoPA nei servizi).',
          en: 'pagoPA payments reachable from the site (payment portal or pagoPA notices in the services).',
        },
        details,
      );
    }
    const weak = [...said.affirmed, ...logos, ...infoLinks];
    if (weak.length) {
      return partial(
        capEvidence([...weak, ...denied]),
        {
          it: 'pagoPA è citato ma nessun portale di pagamento è collegato dalle pagine analizzate.',
          en: 'pagoPA is mentioned but no payment portal is linked from the pages analysed.',
        },
        details,
      );
    }
    return notFound(
      site,
      capEvidence(denied),
      denied.length
        ? { it: 'Il sito dichiara che pagoPA non è attivo.', en: 'The site states that pagoPA is not active.' }
        : { it: 'Nessun pagamento pagoPA né riferimento a pagoPA nelle pagine dei servizi.', en: 'No pagoPA payment and no reference to pagoPA on the service pages.' },
      details,
    );
  },
);
