// Topic-labelled whole pages (400 characters or more) of two sites, as a team might write them: shared by the tests of
// `train --topics --data` and `eval --topics --data`.

const page = (site: string, title: string, topics: string[], sentences: string[]) => ({
  site,
  title,
  topics,
  text: Array.from({ length: 4 }, () => sentences.join(' ')).join('\n'),
});
const WASTE = ['La raccolta differenziata porta a porta passa il martedì per l’umido e il lunedì per la carta.', 'Gli ingombranti vanno portati all’isola ecologica comunale.'];
const NURSERY = ['Le domande di iscrizione all’asilo nido comunale si presentano entro aprile.', 'La retta dipende dall’ISEE della famiglia e dal tempo di frequenza scelto.'];
const PARKING = ['I permessi di sosta per i residenti nelle strisce blu si rinnovano ogni anno.', 'Il parcheggio di interscambio vicino alla stazione è gratuito.'];

/** Six pages: waste, nursery and parking on comune-a.it and comune-b.it, topics by id or by label. */
export const TOPIC_RECORDS = [
  page('comune-a.it', 'Raccolta dei rifiuti', ['gestione-rifiuti'], WASTE),
  page('comune-a.it', 'Asilo nido comunale', ['Istruzione'], NURSERY),
  page('comune-a.it', 'Sosta per i residenti', ['parcheggi'], PARKING),
  page('comune-b.it', 'Calendario della raccolta differenziata', ['Gestione rifiuti'], WASTE.slice().reverse()),
  page('comune-b.it', 'Iscrizioni al nido', ['istruzione'], NURSERY.slice().reverse()),
  page('comune-b.it', 'Permessi di parcheggio', ['Parcheggi'], PARKING.slice().reverse()),
];

/** Records as JSONL text. */
export const jsonl = (records: object[]): string => records.map((record) => `${JSON.stringify(record)}\n`).join('');
