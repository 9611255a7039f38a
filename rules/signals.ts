// Hosts, markup and phrases the point rules look for, kept as data in one place so a new intermediary,
// identity provider or tracker is a one-line change here. Domains match themselves and their subdomains
// (hostMatches); patterns are tested against link text, page text or URLs as each rule says.

// ------------------------------------------------------------------ identity: SPID and CIE

/**
 * Class tokens of the official SPID button kit (spid-sp-access-button and its identity-provider menu). Not
 * "button-spid": CIE buttons built from the same kit keep it.
 */
export const SPID_BUTTON_CLASSES = ['spid-sp-access-button', 'spid-idp-button', 'spid-idp-button-link'];

/** Generic Italia login button class, shared by the SPID and CIE kits: it names the scheme only through its label. */
export const ITALIA_BUTTON_CLASS = 'italia-it-button';

/** Class tokens of CIE login buttons seen in the wild (the CIE provider box of identity-gateway themes). */
export const CIE_BUTTON_CLASSES = ['cie-idp-button-box'];

/**
 * SPID identity providers accredited by AgID (registry at registry.spid.gov.it), by the hosts of their entity ids
 * as the official SPID button kits and SDKs list them. A link to one of them is a login only when its path is an
 * authentication endpoint (see AUTH_PATH), not the provider's "get SPID" pages.
 */
export const SPID_IDP_DOMAINS = [
  'loginspid.aruba.it',
  'identity.infocert.it',
  'spid.intesa.it',
  'id.lepida.it',
  'idp.namirialtsp.com',
  'posteid.poste.it',
  'identity.sieltecloud.it',
  'spid.register.it',
  'login.id.tim.it',
  'loginspid.infocamere.it',
  'id.eht.eu',
  'spid.teamsystem.com',
  'spid.intesigroup.com',
];

/** National information sites: linking them informs about SPID/CIE but is not a login. */
export const SPID_INFO_DOMAINS = ['spid.gov.it'];
export const CIE_INFO_DOMAINS = ['cartaidentita.interno.it'];

/** CIE login (CieID server) and CIE appointment booking of the Ministry of the Interior. */
export const CIE_LOGIN_DOMAINS = ['idserver.servizicie.interno.it'];
export const CIE_BOOKING_DOMAINS = ['agendacie.interno.it', 'prenotazionicie.interno.it'];

/** A URL path or query that is an authentication endpoint (SAML/OIDC login, SSO). */
export const AUTH_PATH = /(?:^|[/?&=._-])(?:login|logon|sso|saml2?|auth|authn|oidc|jod-fs|accedi|accesso)(?:$|[/?&=._-])/i;

/** Words that make a link or image a login ("Entra con SPID", "Accedi con CIE", "Login SPID"). */
export const LOGIN_WORDS = String.raw`(?:entra|accedi|accesso|login|log\s?in|autenticati|autenticazione)`;

// ------------------------------------------------------------------ pagoPA

/** PagoPA S.p.A. payment platform: the checkout and any other subdomain except the information sites below. */
export const PAGOPA_DOMAINS = ['pagopa.it', 'pagopa.gov.it'];
/** The information sites of pagoPA: a link there explains pagoPA, it does not let anyone pay. */
export const PAGOPA_INFO_HOSTS = ['pagopa.it', 'www.pagopa.it', 'pagopa.gov.it', 'www.pagopa.gov.it', 'developer.pagopa.it', 'docs.pagopa.it'];

/**
 * Regional and shared pagoPA intermediaries ("intermediari tecnologici") whose portals comuni link for payments.
 * Only hosts documented by the region itself; extend as new portals are confirmed.
 */
export const PAGOPA_INTERMEDIARY_DOMAINS = [
  'pagamentinlombardia.servizirl.it', // Lombardia, Portale Pagamenti (MyPay)
  'mypay.regione.veneto.it', // Veneto, MyPay
  'pagoumbria.regione.umbria.it', // Umbria, PagoUMBRIA
  'pay.sistemapiemonte.it', // Piemonte, PiemontePAY
  'iris.rete.toscana.it', // Toscana, IRIS
];

/**
 * Host labels that name a pagoPA payment portal wherever it is hosted (pagopa.comune.x.it, mypay.provincia.tn.it,
 * plugandpay.<vendor>.it): the label must equal one of these.
 */
export const PAGOPA_PORTAL_HOST_LABELS = ['pagopa', 'mypay', 'pagoumbria', 'piemontepay', 'plugandpay', 'pagofvg', 'payer'];

// ------------------------------------------------------------------ IO app

export const IO_DOMAINS = ['io.italia.it', 'ioapp.it'];
/** Store pages of the IO app: App Store id and Play Store package. */
export const IO_STORE_PATTERNS = [/apps\.apple\.com\/.*\bid1501681835\b/i, /play\.google\.com\/store\/apps\/details\?(?:.*&)?id=it\.pagopa\.io\.app\b/i];

// ------------------------------------------------------------------ ANPR

export const ANPR_DOMAINS = ['anagrafenazionale.interno.it', 'anpr.interno.it'];

// ------------------------------------------------------------------ open source

/**
 * Path and name markers of the site themes in the Developers Italia catalogue (Design Comuni Italia for WordPress,
 * Drupal and Plone, the older Design Italia WordPress theme, the Italiagov Drupal theme).
 */
export const CATALOGUE_THEME_MARKERS = [
  'design-comuni-italia',
  'design_comuni_italia',
  'design-comuni-wordpress-theme',
  'design-comuni-drupal',
  'design-comuni-plone-theme',
  'design-scuole-italia',
  'design_scuole_italia',
  '/themes/design-italia/',
  '/themes/italiagov/',
  '/themes/contrib/italiagov/',
];
/** Theme header names of the catalogue themes (AssetFacts.themeHeader.name). */
export const CATALOGUE_THEME_NAME = /\bdesign\s+(?:comuni|scuole)\s+italia\b|\bitaliagov\b/i;

export const DEVELOPERS_ITALIA_DOMAINS = ['developers.italia.it'];

/** Open-source CMSs recognisable from their asset paths or generator meta (partial: open source, not from the catalogue). */
export const OPEN_SOURCE_CMS: { name: string; generator: RegExp; path: RegExp }[] = [
  { name: 'WordPress', generator: /\bwordpress\b/i, path: /\/wp-(?:content|includes)\// },
  { name: 'Drupal', generator: /\bdrupal\b/i, path: /\/(?:sites\/(?:default|all)\/(?:files|themes|modules)|core\/(?:misc|assets)|misc\/drupal\.js)/ },
  { name: 'Joomla', generator: /\bjoomla\b/i, path: /\/media\/(?:jui|system)\/|\/components\/com_/ },
  { name: 'Plone', generator: /\bplone\b/i, path: /\+\+(?:plone|resource|theme)\+\+/ },
  { name: 'TYPO3', generator: /\btypo3\b/i, path: /\/typo3(?:conf|temp)\// },
];

// ------------------------------------------------------------------ open data and transparency

/** National and European open-data portals. */
export const OPEN_DATA_DOMAINS = ['dati.gov.it', 'data.europa.eu'];
/** Host labels of open-data portals (dati.regione.x.it, opendata.comune.y.it, a CKAN on ckan.z.it). */
export const OPEN_DATA_HOST_LABELS = ['dati', 'opendata', 'open-data', 'datiaperti', 'ckan'];
/** Paths of open-data sections and CKAN datasets. */
export const OPEN_DATA_PATH = /\/(?:open-?data|dati-aperti|datiaperti|dataset)(?:[/?.]|$)/i;
/** Machine-readable formats in open, non-proprietary encodings (three stars and up). */
export const OPEN_FORMATS = ['csv', 'json', 'xml', 'ods', 'rdf'] as const;
/** Machine-readable files that are site plumbing, not data: feeds, sitemaps, web manifests. */
export const NOT_DATA_FILES = /(?:rss|atom|feed|sitemap)[^/]*\.xml(?:[?#]|$)|\/feed\/?(?:[?#]|$)|manifest\.json(?:[?#]|$)/i;
/** Structured but proprietary spreadsheet formats: machine-readable, two stars. */
export const SPREADSHEET_FORMATS = ['xlsx', 'xls'] as const;

export const TRANSPARENCY_TEXT = /\bamministrazione\s+trasparente\b/i;
export const TRANSPARENCY_PATH = /amministrazione[-_]?trasparente|\/trasparenza(?:[/?.]|$)/i;

/** Creative Commons Attribution 4.0 named in text (legal notes, footer). */
export const CC_BY_4 = /\b(?:cc[\s-]?by|creative\s+commons\s+(?:attribuzione|attribution))[^.\n]{0,40}?\b4\.0\b/i;

// ------------------------------------------------------------------ trackers, analytics, consent

export interface Tracker {
  name: string;
  /** Script or iframe hosts (hostMatches). */
  domains: string[];
  /** Inline snippet signature. */
  inline: RegExp | null;
  /** Analytics (measures visits) as opposed to advertising or session recording. */
  analytics: boolean;
  /** Operated from outside the EU (Garante decisions of 2022 on Google Analytics transfers). */
  nonEu: boolean;
  /** Names of the cookies it sets, when a server sets them in its own response (before any consent). */
  cookies: RegExp | null;
}

/** Third-party trackers that need prior consent under the Garante's 2021 cookie guidelines. */
export const TRACKERS: Tracker[] = [
  {
    name: 'Google Analytics',
    domains: ['google-analytics.com', 'analytics.google.com'],
    inline: /google-analytics\.com|\bgtag\(\s*['"]config['"]\s*,\s*['"](?:G|UA)-|GoogleAnalyticsObject/,
    analytics: true,
    nonEu: true,
    cookies: /^_ga(?:_|$)|^_gid$|^_gat/,
  },
  {
    name: 'Google Tag Manager',
    domains: ['googletagmanager.com'],
    inline: /googletagmanager\.com|['"]GTM-[A-Z0-9]+['"]/,
    analytics: true,
    nonEu: true,
    cookies: null,
  },
  { name: 'Meta Pixel', domains: ['connect.facebook.net'], inline: /\bfbq\(\s*['"]init['"]|connect\.facebook\.net/, analytics: false, nonEu: true, cookies: /^_fbp$/ },
  { name: 'Hotjar', domains: ['hotjar.com'], inline: /static\.hotjar\.com|_hjSettings/, analytics: true, nonEu: false, cookies: /^_hj/ },
  { name: 'Microsoft Clarity', domains: ['clarity.ms'], inline: /clarity\.ms\/tag/, analytics: true, nonEu: true, cookies: /^_clck$|^_clsk$/ },
  { name: 'LinkedIn Insight', domains: ['snap.licdn.com'], inline: /snap\.licdn\.com|_linkedin_partner_id/, analytics: false, nonEu: true, cookies: null },
  { name: 'TikTok Pixel', domains: ['analytics.tiktok.com'], inline: /analytics\.tiktok\.com/, analytics: false, nonEu: true, cookies: /^_ttp$/ },
  { name: 'Yandex Metrica', domains: ['mc.yandex.ru', 'mc.yandex.com'], inline: /mc\.yandex\.(?:ru|com)/, analytics: true, nonEu: true, cookies: /^_ym_/ },
  { name: 'Google Ads', domains: ['doubleclick.net', 'googleadservices.com'], inline: /googleadservices\.com|doubleclick\.net/, analytics: false, nonEu: true, cookies: /^_gcl_/ },
  { name: 'ShinyStat', domains: ['shinystat.com', 'shinystat.it'], inline: /shinystat\.com/, analytics: true, nonEu: false, cookies: null },
];

/** Web Analytics Italia: AgID's Matomo for public administrations. */
export const WAI_DOMAINS = ['webanalytics.italia.it'];
export const WAI_INLINE = /ingestion\.webanalytics\.italia\.it/;
/** A Matomo/Piwik snippet or script not pointing to WAI (self-hosted or Matomo Cloud). */
export const MATOMO_SCRIPT = /\/(?:matomo|piwik)\.(?:js|php)(?:[?#]|$)/i;
export const MATOMO_INLINE = /_paq\.push|\/(?:matomo|piwik)\.(?:js|php)/;

/** Consent-management platforms: their presence means trackers may be held until consent (a browser can tell). */
export const CONSENT_MANAGERS: { name: string; domains: string[]; path: RegExp | null; classToken: string | null }[] = [
  { name: 'iubenda', domains: ['iubenda.com'], path: null, classToken: null },
  { name: 'Cookiebot', domains: ['cookiebot.com', 'cookiebot.eu'], path: null, classToken: null },
  { name: 'OneTrust', domains: ['cookielaw.org', 'onetrust.com'], path: null, classToken: null },
  { name: 'CookieYes', domains: ['cookieyes.com', 'cdn-cookieyes.com'], path: null, classToken: null },
  { name: 'Didomi', domains: ['privacy-center.org'], path: null, classToken: null },
  { name: 'Usercentrics', domains: ['usercentrics.eu'], path: null, classToken: null },
  { name: 'Cookie Script', domains: ['cookie-script.com'], path: null, classToken: null },
  { name: 'Complianz', domains: [], path: /\/plugins\/complianz-gdpr/, classToken: null },
  { name: 'CookieYes (WordPress)', domains: [], path: /\/plugins\/cookie-law-info/, classToken: null },
  { name: 'Cookie Notice (WordPress)', domains: [], path: /\/plugins\/cookie-notice/, classToken: null },
  { name: 'Klaro', domains: [], path: /\/klaro(?:\.min)?\.js/, classToken: null },
  { name: 'tarteaucitron', domains: [], path: /tarteaucitron/, classToken: null },
  // Bootstrap Italia's cookie bar (the Modello Comuni component).
  { name: 'Bootstrap Italia cookiebar', domains: [], path: null, classToken: 'cookiebar' },
];

/** Privacy-policy link wording (C.SI.3.3). */
export const PRIVACY_LINK_TEXT = /\bprivacy\b|informativa\s+(?:sul(?:la)?\s+)?(?:privacy|trattamento|protezione)|protezione\s+dei\s+dati/i;
/** Data protection officer named (GDPR art. 37–39). */
export const DPO_TEXT = /\b(?:DPO|RPD)\b|responsabile\s+(?:della\s+)?protezione\s+(?:dei\s+)?dati|data\s+protection\s+officer/i;

// ------------------------------------------------------------------ accessibility

/** AgID's form for accessibility statements (C.SI.3.2). */
export const ACCESSIBILITY_STATEMENT_DOMAINS = ['form.agid.gov.it'];
export const ACCESSIBILITY_LINK_TEXT = /dichiarazione\s+(?:di\s+)?accessibilit[àa]|accessibility\s+statement/i;

// ------------------------------------------------------------------ digital assistant

/** Chat and virtual-assistant widgets, by the host their loader script or iframe comes from. */
export const ASSISTANT_WIDGETS: { name: string; domains: string[]; inline: RegExp | null }[] = [
  { name: 'Intercom', domains: ['intercom.io', 'intercomcdn.com'], inline: /widget\.intercom\.io/ },
  { name: 'Tawk.to', domains: ['tawk.to'], inline: /embed\.tawk\.to/ },
  { name: 'Crisp', domains: ['crisp.chat'], inline: /client\.crisp\.chat/ },
  { name: 'Zendesk', domains: ['zdassets.com'], inline: /static\.zdassets\.com/ },
  { name: 'Tidio', domains: ['tidio.co'], inline: /code\.tidio\.co/ },
  { name: 'LiveChat', domains: ['livechatinc.com'], inline: /cdn\.livechatinc\.com/ },
  { name: 'Freshchat', domains: ['freshchat.com'], inline: /wchat\.freshchat\.com/ },
  { name: 'Smartsupp', domains: ['smartsuppchat.com', 'smartsupp.com'], inline: /smartsuppchat\.com/ },
  { name: 'Botpress', domains: ['botpress.cloud'], inline: /cdn\.botpress\.cloud/ },
  { name: 'Landbot', domains: ['landbot.io'], inline: /landbot\.io/ },
  { name: 'Dialogflow Messenger', domains: [], inline: /dialogflow-console\/fast\/messenger|<df-messenger/ },
  { name: 'Microsoft Bot Framework', domains: ['botframework.com'], inline: /cdn\.botframework\.com|WebChat\.renderWebChat/ },
  { name: 'IBM watsonx Assistant', domains: ['assistant.watson.appdomain.cloud'], inline: /watsonAssistantChatOptions/ },
  { name: 'Kommunicate', domains: ['kommunicate.io'], inline: /widget\.kommunicate\.io/ },
  { name: 'Chatbase', domains: ['chatbase.co'], inline: /chatbase\.co\/embed/ },
];
/** Widget wording in header/footer/aside or a widget's label: "assistente virtuale", "chatbot". */
export const ASSISTANT_TEXT = /\bassistente\s+(?:virtuale|digitale)\b|\bchat\s?bot\b|\bvirtual\s+assistant\b/i;

// ------------------------------------------------------------------ cloud (informative)

/**
 * Response headers naming a cloud provider or CDN: by value (server, x-powered-by, via) or by a header only that
 * platform sends. A CDN in front of the site hides where the site itself is hosted.
 */
export const CLOUD_SIGNATURES: { name: string; kind: 'hosting' | 'cdn'; value: RegExp | null; headers: string[] }[] = [
  { name: 'Amazon Web Services', kind: 'hosting', value: /\b(?:AmazonS3|awselb)\b/i, headers: [] },
  { name: 'Microsoft Azure', kind: 'hosting', value: /\bMicrosoft-Azure/i, headers: ['x-azure-ref'] },
  { name: 'Google Cloud', kind: 'hosting', value: /\bGoogle Frontend\b/i, headers: [] },
  { name: 'Aruba Cloud', kind: 'hosting', value: /\baruba\b/i, headers: [] },
  { name: 'Netlify', kind: 'hosting', value: /\bNetlify\b/i, headers: ['x-nf-request-id'] },
  { name: 'Vercel', kind: 'hosting', value: /\bVercel\b/i, headers: ['x-vercel-id'] },
  { name: 'Amazon CloudFront', kind: 'cdn', value: /\bCloudFront\b/i, headers: ['x-amz-cf-id'] },
  { name: 'Cloudflare', kind: 'cdn', value: /\bcloudflare\b/i, headers: ['cf-ray'] },
  { name: 'Akamai', kind: 'cdn', value: /\bAkamai/i, headers: [] },
  { name: 'Fastly', kind: 'cdn', value: /\bFastly\b/i, headers: [] },
];
/** Headers whose values name the platform. */
export const CLOUD_VALUE_HEADERS = ['server', 'x-powered-by', 'via', 'x-served-by', 'x-cache'];

// ------------------------------------------------------------------ news pages

/**
 * Paths of news, events and notices. Text on these pages reports national news ("dal 1° ottobre serve lo SPID")
 * more often than the comune's own services, so mentions there are not counted.
 */
export const NEWS_PATH = /\/(?:notizie|novita|news|comunicati(?:-stampa)?|eventi|avvisi|blog|articoli|archivio-notizie)(?:\/|$)/i;
