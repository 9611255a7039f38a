// The Modello Comuni constants (data/modello-comuni, from the government validator, BSD-3-Clause), read once on first use.
import { readFileSync } from 'node:fs';
import { dataPath } from '../../src/util/paths.js';
import { memoizeBounded } from '../../src/util/memo.js';

/** Where AGID publishes accessibility statements: the C.SI.3.2 link must lead there. */
export const AGID_FORM = 'https://form.agid.gov.it/';

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(dataPath('modello-comuni', file), 'utf8')) as T;
}

function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

/**
 * Folded form used for every vocabulary comparison: lower case, typographic apostrophes and spaces unified.
 * Memoised: the same widget and menu labels recur on every page of a site.
 */
export const normaliseLabel = memoizeBounded(
  (text) => text.normalize('NFC').replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase(),
  20_000,
);

export interface PrimaryMenuItem {
  label: string;
  name: string;
  /** The validator's regex as a string, e.g. "/^Amministrazione$/i". */
  regExp: string;
  data_element: string;
  secondary_item_data_element: string[];
  third_item_data_element?: string;
  dictionary: string[];
}

export type MenuSection = 'management' | 'news' | 'services' | 'live';

interface MenuItems {
  primaryMenuItems: Record<MenuSection, PrimaryMenuItem>;
  customPrimaryMenuItemsDataElement: string;
  customSecondaryMenuItemsDataElement: string;
}

export const menuItems = lazy(() => readJson<MenuItems>('menuItems.json'));

/** "/^Vivere /i" → RegExp. */
export function menuItemPattern(item: PrimaryMenuItem): RegExp {
  const match = /^\/(.*)\/([a-z]*)$/.exec(item.regExp);
  return match ? new RegExp(match[1], match[2]) : new RegExp(`^${item.name}$`, 'i');
}

export interface ServiceContentTypes {
  contentTypeItemsIndex: string[];
  contentTypeItemsIndexDataElement: {
    paragraph: { key: string; data_element: string }[];
    exist: { key: string; data_element: string }[];
  };
  contentTypeItemsHeaders: string[];
  contentTypeItemsBody: string[];
}

export const serviceContentTypes = lazy(() => readJson<ServiceContentTypes>('municipality_service_contentTypeItems.json'));

export const modelTopics = lazy(() => new Set(readJson<string[]>('municipalityModelVocabulary_argomenti.json').map(normaliseLabel)));

export const eurovocLabels = lazy(() => new Set(readJson<string[]>('eurovocVocabulary.json').map(normaliseLabel)));

export const bootstrapItaliaClasses = lazy(() => new Set(readJson<{ cssClasses: string[] }>('bootstrap_italia_cssClasses.json').cssClasses));

/** Drupal core's own class names (block-…, field--…, js-form-…): the validator leaves them out of a Drupal page's share. */
export const drupalCoreClasses = lazy(() =>
  readJson<{ drupalCoreClasses: { regex: string; flags: string }[] }>('bootstrap_italia_cssClasses.json').drupalCoreClasses.map(
    ({ regex, flags }) => new RegExp(regex, flags),
  ),
);

export const allowedFonts = lazy(() => new Set(readJson<{ allowedFonts: string[] }>('allowedFonts.json').allowedFonts.map(normaliseLabel)));

export const allowedCiphers = lazy(() => readJson<{ allowedCiphers: { tls12: string[]; tls13: string[] } }>('allowedCiphers.json').allowedCiphers);

/** The validator's header regex for the Design Comuni/Scuole Italia WordPress and Drupal themes (named groups name, version). */
export const cmsThemePattern = lazy(() => {
  const { regex, flags } = readJson<{ cmsThemeRx: { regex: string; flags: string } }>('cmsThemeRx.json').cmsThemeRx;
  return new RegExp(regex, flags);
});

export interface LegalNotesText {
  dataElement: string;
  section: { dataElement: string; title: string };
  body: { dataElement: string; text: string };
}

export const legalNotes = lazy(() => readJson<{ legalNotes: LegalNotesText }>('legalNotes_license_text.json').legalNotes);

interface FeedbackRating {
  dataElement: string;
  question: { dataElement: string; text: string };
  answers: { dataElement: string; texts: string[] };
}

export interface FeedbackStructure {
  component: { dataElement: string };
  title: { dataElement: string; text: string };
  rate: { dataElement: string; numberOfComponents: number };
  positive_rating: FeedbackRating;
  negative_rating: FeedbackRating;
  input_text: { dataElement: string };
}

export const feedbackStructure = lazy(() => readJson<{ feedbackComponentStructure: FeedbackStructure }>('municipality_feedbackComponentStructure.json').feedbackComponentStructure);

/** Reserved comune domain names (`<name>.<prov>.it`), ~38k lines: loaded into a Set the first time C.SI.5.2 runs. */
export const allowedComuneDomains = lazy(
  () =>
    new Set(
      readFileSync(dataPath('modello-comuni', 'allowedDomains_municipality.txt'), 'utf8')
        .split('\n')
        .map((line) => line.trim().toLowerCase())
        .filter(Boolean),
    ),
);
