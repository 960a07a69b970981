/**
 * Hand-kept tables for the country conversion: the names English-language news uses, the
 * Wikidata ids we are sure of, extra forms the data packages lack, and forms to refuse.
 * Keys are ISO 3166-1 alpha-2 codes.
 */
import type { AliasKind } from '../../lib/kb/schema';

/** Display names where the packages' names are official or awkward rather than newsy. */
export const DISPLAY: Readonly<Record<string, string>> = {
  US: 'United States', GB: 'United Kingdom', RU: 'Russia', IR: 'Iran', KP: 'North Korea',
  KR: 'South Korea', SY: 'Syria', VN: 'Vietnam', TW: 'Taiwan', CZ: 'Czech Republic',
  TR: 'Turkey', CI: 'Ivory Coast', LA: 'Laos', MD: 'Moldova', BN: 'Brunei', VA: 'Vatican City',
  FM: 'Micronesia', BO: 'Bolivia', VE: 'Venezuela', TZ: 'Tanzania', PS: 'Palestine',
  MK: 'North Macedonia', CD: 'Democratic Republic of the Congo', CG: 'Republic of the Congo',
  FK: 'Falkland Islands', MO: 'Macau', HK: 'Hong Kong', GM: 'The Gambia', NL: 'Netherlands',
  VG: 'British Virgin Islands', VI: 'U.S. Virgin Islands', MF: 'Saint Martin', MM: 'Myanmar',
  BA: 'Bosnia and Herzegovina', AG: 'Antigua and Barbuda', KN: 'Saint Kitts and Nevis',
  LC: 'Saint Lucia', VC: 'Saint Vincent and the Grenadines', BL: 'Saint Barthélemy',
  PM: 'Saint Pierre and Miquelon', ST: 'São Tomé and Príncipe', TT: 'Trinidad and Tobago',
  TC: 'Turks and Caicos Islands', WF: 'Wallis and Futuna', SJ: 'Svalbard and Jan Mayen',
  HM: 'Heard Island and McDonald Islands', GS: 'South Georgia and the South Sandwich Islands',
  UM: 'U.S. Minor Outlying Islands', BQ: 'Caribbean Netherlands', CV: 'Cape Verde',
  SZ: 'Eswatini', RE: 'Réunion', CW: 'Curaçao', AX: 'Åland Islands', SH: 'Saint Helena',
  TL: 'East Timor', PN: 'Pitcairn Islands', CC: 'Cocos (Keeling) Islands', XK: 'Kosovo',
};

/** Wikidata QIDs we are certain of; every other country gets `iso:<alpha-2>`. */
export const QIDS: Readonly<Record<string, string>> = {
  RU: 'Q159', US: 'Q30', KP: 'Q423', KR: 'Q884', IR: 'Q794', UA: 'Q212', CN: 'Q148',
  IL: 'Q801', SY: 'Q858', FR: 'Q142', GB: 'Q145', DE: 'Q183', JP: 'Q17', IN: 'Q668',
  VE: 'Q717', TR: 'Q43', QA: 'Q846', LB: 'Q822', IQ: 'Q796', SA: 'Q851', PL: 'Q36',
  BY: 'Q184', TW: 'Q865', CA: 'Q16', IT: 'Q38', ES: 'Q29', BR: 'Q155', AU: 'Q408',
  EG: 'Q79', PK: 'Q843', AF: 'Q889', MX: 'Q96', NL: 'Q55', SE: 'Q34', FI: 'Q33', NO: 'Q20',
  DK: 'Q35', CH: 'Q39', AT: 'Q40', BE: 'Q31', GR: 'Q41', PT: 'Q45', HU: 'Q28', RO: 'Q218',
  AR: 'Q414', ID: 'Q252', VN: 'Q881', TH: 'Q869', PH: 'Q928', CU: 'Q241', YE: 'Q805',
  JO: 'Q810', LY: 'Q1016', SD: 'Q1049', ET: 'Q115', NG: 'Q1033', ZA: 'Q258', KZ: 'Q232',
  GE: 'Q230', AM: 'Q399', AZ: 'Q227', MD: 'Q217', LT: 'Q37', LV: 'Q211', EE: 'Q191',
  IE: 'Q27', IS: 'Q189', NZ: 'Q664', CZ: 'Q213', SK: 'Q214', BG: 'Q219', RS: 'Q403',
  HR: 'Q224', MM: 'Q836', OM: 'Q842', AE: 'Q878', PS: 'Q219060', KW: 'Q817', BH: 'Q398',
  MN: 'Q711', XK: 'Q1246', SO: 'Q1045', KE: 'Q114', MA: 'Q1028', DZ: 'Q262', TN: 'Q948',
  LK: 'Q854', NP: 'Q837', SG: 'Q334', MY: 'Q833', CY: 'Q229', AL: 'Q222', BA: 'Q225', SI: 'Q215',
  MK: 'Q221', ME: 'Q236', LU: 'Q32', MT: 'Q233', UZ: 'Q265', TM: 'Q874', TJ: 'Q863', KG: 'Q813',
  BD: 'Q902', CL: 'Q298', CO: 'Q739', PE: 'Q419', NI: 'Q811',
};

type Extra = { text: string; kind?: AliasKind; lang?: string };

/** Forms the packages lack or spell differently from the news (acronyms keep exact case). */
export const EXTRA_ALIASES: Readonly<Record<string, readonly Extra[]>> = {
  US: [
    { text: 'US', kind: 'acronym' }, { text: 'U.S.', kind: 'acronym' },
    { text: 'USA', kind: 'acronym' }, { text: 'U.S.A.', kind: 'acronym' },
    { text: 'United States of America' },
  ],
  GB: [
    { text: 'UK', kind: 'acronym' }, { text: 'U.K.', kind: 'acronym' },
    { text: 'Britain', kind: 'short' }, { text: 'Great Britain' },
  ],
  AE: [{ text: 'UAE', kind: 'acronym' }, { text: 'U.A.E.', kind: 'acronym' }],
  KP: [
    { text: 'DPRK', kind: 'acronym' }, { text: "Democratic People's Republic of Korea" },
    { text: '북조선', lang: 'ko' }, { text: '조선민주주의인민공화국', lang: 'ko' },
  ],
  KR: [{ text: 'ROK', kind: 'acronym' }, { text: 'Republic of Korea' }, { text: '한국', lang: 'ko' }],
  CN: [{ text: 'PRC', kind: 'acronym' }, { text: "People's Republic of China" }],
  RU: [{ text: 'Russian Federation' }, { text: 'Российская Федерация', lang: 'ru' }],
  IR: [{ text: 'Islamic Republic of Iran' }],
  TR: [{ text: 'Türkiye' }, { text: 'Turkiye' }],
  CZ: [{ text: 'Czechia' }],
  CI: [{ text: "Côte d'Ivoire" }],
  CD: [{ text: 'DRC', kind: 'acronym' }, { text: 'DR Congo' }, { text: 'Congo-Kinshasa' }],
  CG: [{ text: 'Congo-Brazzaville' }],
  MM: [{ text: 'Burma', kind: 'short' }],
  NL: [{ text: 'Holland', kind: 'short' }, { text: 'The Netherlands' }],
  VA: [{ text: 'Holy See' }, { text: 'Vatican', kind: 'short' }],
  SZ: [{ text: 'Swaziland' }],
  TL: [{ text: 'Timor-Leste' }],
  CV: [{ text: 'Cabo Verde' }],
  BA: [{ text: 'Bosnia', kind: 'short' }],
  SA: [{ text: 'KSA', kind: 'acronym' }],
  VN: [{ text: 'Viet Nam' }],
  UA: [{ text: 'Україна', lang: 'uk' }],
  PS: [{ text: 'State of Palestine' }],
  XK: [{ text: 'Kosova', lang: 'sq' }],
  MK: [{ text: 'North Macedonia' }],
  KZ: [{ text: 'Qazaqstan', lang: 'kk' }],
  RE: [{ text: 'La Réunion' }, { text: 'Réunion Island' }],
};

/**
 * Forms the packages carry that must not become aliases: loaded names ("Taiwan, Province of
 * China"), forms shared by two countries ("Congo", "Korea"), brand or region clashes.
 */
export const DROP_ALIASES: ReadonlySet<string> = new Set([
  'Congo', 'Korea', 'Formosa', 'America', 'Macedonia', 'Taiwan, Province of China',
  'Palestinian Territories', 'Emirates',
  'United States Minor Outlying Islands', 'Caribbean Netherlands', 'Bonaire',
  // "Reunion" is an everyday word in titles; the island keeps its longer forms.
  'Réunion', 'Reunion',
]);

/** Territories that are not sovereign states (described as "territory", not "country"). */
export const DEPENDENCIES: ReadonlySet<string> = new Set(
  ('AS AI AQ AW AX BL BM BQ BV CC CK CW CX FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO ' +
    'MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT AC TA').split(' '),
);

/** One-line descriptions where "Country in <region>" would be wrong or contested. */
export const DESCRIPTIONS: Readonly<Record<string, string>> = {
  TW: 'Self-governing island in East Asia; claimed by China',
  PS: 'Palestinian territories: the West Bank and the Gaza Strip',
  XK: 'Partially recognized state in Southeastern Europe',
  EH: 'Disputed territory in North Africa; largely controlled by Morocco',
  AQ: 'Continent around the South Pole, governed under the Antarctic Treaty',
  HK: 'Special administrative region of China',
  MO: 'Special administrative region of China',
};
