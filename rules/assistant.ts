// Governance — a citizen-facing digital assistant (informative). Pass on a chat or virtual-assistant widget (known
// vendor scripts or frames, or "assistente virtuale" in the site's chrome or a link label); otherwise unknown: an
// assistant reachable by phone or messaging apps is not visible here, and its absence is no legal failing.
// News articles about an assistant do not count.
import { defineRule, evidence, hostOf, nameNote, okPages, pass, unknown } from '../src/check/define.js';
import type { Evidence } from '../src/types.js';
import { capEvidence, findLinks, firstLineMatching, hostIn, linkEvidence, linkWording, splitNews } from './find.js';
import { ASSISTANT_TEXT, ASSISTANT_WIDGETS } from './signals.js';

export default defineRule(
  {
    id: 'assistant',
    point: 'assistant',
    title: { it: 'Assistente digitale per i cittadini', en: 'Digital assistant for citizens' },
    failureTitle: { it: 'Assistente digitale non rilevato', en: 'Digital assistant not detected' },
    law: 'Piano triennale per l’informatica nella PA 2024–2026 (informativo)',
    weight: 1,
    pageTypes: 'site',
  },
  (site) => {
    const { services } = splitNews(okPages(site));
    const widgets: Evidence[] = [];
    const widgetNames: string[] = [];
    for (const widget of ASSISTANT_WIDGETS) {
      for (const page of services) {
        const src = [...page.scripts, ...page.iframes].find((url) => hostIn(hostOf(url), widget.domains));
        const inline = !src && widget.inline ? page.inlineScripts.find((body) => widget.inline!.test(body)) : undefined;
        if (src) widgets.push(evidence(page.url, page.scripts.includes(src) ? 'script[src]' : 'iframe[src]', src, nameNote(widget.name)));
        else if (inline) widgets.push(evidence(page.url, 'script', inline.slice(0, 160), nameNote(widget.name)));
        else continue;
        widgetNames.push(widget.name);
        break;
      }
    }
    // Wording counts in the site's chrome (a launcher in header/footer/aside) or on a link, not in article text.
    const chrome = services.flatMap((page) => {
      const line = firstLineMatching(page.boilerplateText, ASSISTANT_TEXT);
      return line ? [evidence(page.url, 'text:boilerplate', line, { it: 'richiamo all’assistente', en: 'assistant launcher' })] : [];
    })[0];
    const links = findLinks(services, (link) => ASSISTANT_TEXT.test(linkWording(link))).map((hit) => linkEvidence(hit, { it: 'link all’assistente', en: 'assistant link' }));
    const found = [...widgets, ...(chrome ? [chrome] : []), ...links];
    const details = { widgets: widgetNames };

    if (found.length) {
      return pass(
        capEvidence(found),
        { it: 'Il sito offre un assistente digitale o una chat.', en: 'The site offers a digital assistant or chat.' },
        details,
      );
    }
    return unknown(
      [],
      { it: 'Nessun assistente digitale rilevato nelle pagine (dato informativo).', en: 'No digital assistant detected on the pages (informative).' },
      details,
    );
  },
);
