// C.SI.2.6 Page-clarity feedback on every service page (static: structure and texts).
import { defineRule } from '../../src/check/define.js';
import { feedbackVerdict } from './feedback.js';
import { agidMeta, failedServiceVerdict, pageNotFound, servicePages, worstPage } from './shared.js';
import { officialGathering, SERVICE_KINDS } from './gathering.js';

export default defineRule(
  agidMeta({
    id: 'C.SI.2.6',
    title: {
      it: "C.SI.2.6 - VALUTAZIONE DELL'ESPERIENZA D'USO, CHIAREZZA INFORMATIVA DELLA SCHEDA DI SERVIZIO - Il sito comunale deve permettere la valutazione della chiarezza informativa per ogni scheda di servizio secondo le modalità indicate nella documentazione del modello di sito comunale.",
      en: 'C.SI.2.6 - User experience rating, clarity of service pages - The comune website must let people rate the clarity of every service page as the model describes.',
    },
    weight: 1,
    group: 'funzionalita',
    pageTypes: ['service'],
  }),
  officialGathering(SERVICE_KINDS, (site) => {
    const { pages, failed } = servicePages(site);
    if (!pages.length) return pageNotFound({ it: 'scheda servizio', en: 'service page' }, site);
    return worstPage([...pages.map(feedbackVerdict), ...failed.map(failedServiceVerdict)], (score, counts) =>
      score === 1
        ? { it: `Componente di valutazione conforme in tutte le schede servizio (${counts}; verifica statica)`, en: `Rating component as in the model on every service page (${counts}; static check)` }
        : score === 0.5
          ? { it: `Componente presente ma non del tutto conforme in almeno una scheda (conformi ${counts})`, en: `Component present but not fully conforming on at least one service page (conforming ${counts})` }
          : { it: `Componente di valutazione assente in almeno una scheda servizio (conformi ${counts})`, en: `Rating component missing on at least one service page (conforming ${counts})` },
    );
  }),
);
