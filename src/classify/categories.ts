// The 15 national service categories ("Tematiche dei servizi pubblici", AgID controlled vocabulary) plus 'altro',
// and the name variants sites and validators use for them.
import type { CategoryId } from '../types.js';
import { foldAccents } from './text.js';
import { memoizeBounded } from '../util/memo.js';

export interface CategoryInfo {
  id: CategoryId;
  /** Official Italian label (vocabulary / Modello Comuni). */
  label: string;
  /** English label for reports. */
  labelEn: string;
}

/** In the vocabulary's order (codes 1..15), then 'altro'. */
export const CATEGORIES: readonly CategoryInfo[] = [
  { id: 'educazione-formazione', label: 'Educazione e formazione', labelEn: 'Education and training' },
  { id: 'salute-benessere-assistenza', label: 'Salute, benessere e assistenza', labelEn: 'Health, wellbeing and welfare' },
  { id: 'vita-lavorativa', label: 'Vita lavorativa', labelEn: 'Working life' },
  { id: 'mobilita-trasporti', label: 'Mobilità e trasporti', labelEn: 'Mobility and transport' },
  { id: 'catasto-urbanistica', label: 'Catasto e urbanistica', labelEn: 'Land registry and town planning' },
  { id: 'anagrafe-stato-civile', label: 'Anagrafe e stato civile', labelEn: 'Registry office and civil status' },
  { id: 'turismo', label: 'Turismo', labelEn: 'Tourism' },
  { id: 'giustizia-sicurezza', label: 'Giustizia e sicurezza pubblica', labelEn: 'Justice and public safety' },
  { id: 'tributi-finanze-contravvenzioni', label: 'Tributi, finanze e contravvenzioni', labelEn: 'Taxes, finance and fines' },
  { id: 'cultura-tempo-libero', label: 'Cultura e tempo libero', labelEn: 'Culture and leisure' },
  { id: 'ambiente', label: 'Ambiente', labelEn: 'Environment' },
  { id: 'imprese-commercio', label: 'Imprese e commercio', labelEn: 'Business and trade' },
  { id: 'autorizzazioni', label: 'Autorizzazioni', labelEn: 'Permits and licences' },
  { id: 'appalti-pubblici', label: 'Appalti pubblici', labelEn: 'Public procurement' },
  { id: 'agricoltura-pesca', label: 'Agricoltura e pesca', labelEn: 'Agriculture and fishing' },
  { id: 'altro', label: 'Altro', labelEn: 'Other' },
];

export const CATEGORY_IDS: readonly CategoryId[] = CATEGORIES.map((c) => c.id);

const categoryIdSet = new Set<string>(CATEGORY_IDS);

export function isCategoryId(value: string): value is CategoryId {
  return categoryIdSet.has(value);
}

/** Lower-case, accents folded, punctuation and "e"/"ed" dropped: "Mobilità e Trasporti" → "mobilita trasporti". */
function labelKey(label: string): string {
  return foldAccents(label.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && word !== 'e' && word !== 'ed')
    .join(' ');
}

// Variants seen in the vocabulary ("Impresa e commercio"), the model ("Imprese e commercio") and the
// validator ("Agricoltura, caccia e pesca"), besides the official labels and the slugs themselves.
export const VARIANTS: readonly [string, CategoryId][] = [
  ['Impresa e commercio', 'imprese-commercio'],
  ['Agricoltura, caccia e pesca', 'agricoltura-pesca'],
  ['Giustizia e sicurezza', 'giustizia-sicurezza'],
  ['Salute e benessere', 'salute-benessere-assistenza'],
  ['Tributi e finanze', 'tributi-finanze-contravvenzioni'],
  ['Educazione', 'educazione-formazione'],
];

const labelIndex = new Map<string, CategoryId>();
for (const category of CATEGORIES) {
  labelIndex.set(labelKey(category.label), category.id);
  labelIndex.set(labelKey(category.id), category.id);
}
for (const [label, id] of VARIANTS) labelIndex.set(labelKey(label), id);

/**
 * The category a breadcrumb item or link text names, or null. 'altro' is never returned for a free label. Memoised:
 * the same names recur in every menu and footer of a crawl.
 */
export const categoryFromLabel: (label: string) => CategoryId | null = memoizeBounded((label) => {
  const id = labelIndex.get(labelKey(label));
  return id === undefined || id === 'altro' ? null : id;
}, 10_000);
