/**
 * Converts the country packages (i18n-iso-countries, countries-list, CLDR territory names and
 * containment) into knowledge-base entities. `buildCountries` is pure so tests can feed it
 * small inputs; `loadCountryInputs` reads the installed packages.
 */
import type { Alias, AliasKind, EntityInput, Fact, Source } from '../../lib/kb/schema';
import {
  DEPENDENCIES, DESCRIPTIONS, DISPLAY, DROP_ALIASES, EXTRA_ALIASES, QIDS,
} from './countries-hand';
import { CAPITAL_NOTES, COUNTRY_NOTES } from './country-notes';
import { DEMONYMS } from './demonyms';
import { isStopWord } from './stop-list';
import { cleanName, formKey, isLatin, stripHebrewPoints } from './text';

/** Locales whose CLDR territory names become aliases (ship only what we use). */
export const CLDR_LOCALES = [
  'en', 'ru', 'uk', 'ko', 'ja', 'zh', 'zh-Hant', 'ar', 'fa', 'he', 'fr', 'de', 'es',
] as const;

export interface ListCountry {
  name: string;
  native: string;
  alias?: readonly string[];
  capital: string;
  languages: readonly string[];
}

export interface CountryInputs {
  /** i18n-iso-countries English names: one name or several (official first). */
  isoEnglish: Readonly<Record<string, string | readonly string[]>>;
  /** i18n-iso-countries alpha-2 → alpha-3. */
  alpha3: Readonly<Record<string, string>>;
  /** countries-list entries by alpha-2. */
  list: Readonly<Record<string, ListCountry>>;
  /** CLDR territory names per locale, keys like "US", "US-alt-short", "145". */
  cldr: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** CLDR territory containment: region code → member codes. */
  containment: Readonly<Record<string, readonly string[]>>;
}

/** Codes outside ISO 3166-1 that the news treats as countries. */
const EXTRA_CODES = ['XK'];

export const countryId = (code: string): string => QIDS[code] ?? `iso:${code.toLowerCase()}`;

type Candidate = { text: string; lang: string; kind: AliasKind; hand?: boolean };

const REGION_WORDING: Readonly<Record<string, string>> = {
  'Northern America': 'North America',
  'Micronesian Region': 'Micronesia',
  Caribbean: 'the Caribbean',
};

function acronymOr(text: string, kind: AliasKind): AliasKind {
  return /^[A-Z][A-Z.]{1,6}$/.test(text) ? 'acronym' : kind;
}

const DROP_KEYS: ReadonlySet<string> = new Set([...DROP_ALIASES].map((t) => formKey(t, true)));

/** Rejects forms that are inverted ("Korea, Republic of"), annotated or clash with words. */
function acceptable(c: Candidate): boolean {
  if (DROP_KEYS.has(formKey(c.text, true))) return false;
  if (/[,()&]|\bSAR\b/.test(c.text)) return false;
  // Package names in Latin script may be words or given names ("Maurice" for Mauritius).
  if (!c.hand && isLatin(c.text) && isStopWord(c.text)) return false;
  // Foreign abbreviations ("RU" for Reino Unido) read as something else in English text.
  if (c.lang !== 'en' && /^[A-Z]{2,3}$/.test(c.text)) return false;
  return true;
}

function candidates(code: string, display: string, inputs: CountryInputs): Candidate[] {
  const out: Candidate[] = [{ text: display, lang: 'en', kind: 'name', hand: true }];
  for (const e of EXTRA_ALIASES[code] ?? []) out.push({ text: e.text, lang: e.lang ?? 'en', kind: e.kind ?? 'name', hand: true });
  const iso = inputs.isoEnglish[code];
  for (const t of typeof iso === 'string' ? [iso] : (iso ?? [])) out.push({ text: t, lang: 'en', kind: acronymOr(t, 'name') });
  const item = inputs.list[code];
  if (item) {
    out.push({ text: item.name, lang: 'en', kind: 'name' });
    // countries-list mixes English and native aliases ("Česká republika") without tags.
    const lang = item.languages[0] ?? 'en';
    for (const a of item.alias ?? []) {
      out.push({ text: a, lang: /^[\x20-\x7E]+$/.test(a) || !/^[a-z]{2,3}$/.test(lang) ? 'en' : lang, kind: acronymOr(a, 'name') });
    }
  }
  for (const locale of CLDR_LOCALES) {
    const names = inputs.cldr[locale] ?? {};
    for (const key of [code, `${code}-alt-short`, `${code}-alt-variant`]) {
      const t = names[key];
      if (t) out.push({ text: t, lang: locale, kind: acronymOr(t, key === code ? 'name' : 'short') });
    }
  }
  const nativeLang = item?.languages[0];
  if (item && nativeLang && /^[a-z]{2,3}$/.test(nativeLang)) {
    out.push({ text: stripHebrewPoints(item.native), lang: nativeLang, kind: 'name' });
  }
  for (const d of DEMONYMS[code] ?? []) out.push({ text: d, lang: 'en', kind: 'demonym', hand: true });
  return out;
}

/** Builds the alias list: cleaned, filtered, deduplicated by comparison key (first wins). */
export function countryAliases(code: string, display: string, inputs: CountryInputs): Alias[] {
  const seen = new Set<string>();
  const aliases: Alias[] = [];
  for (const raw of candidates(code, display, inputs)) {
    const c = { ...raw, text: cleanName(raw.text) };
    if (!c.text || !acceptable(c)) continue;
    const key = formKey(c.text);
    if (seen.has(key)) continue;
    seen.add(key);
    aliases.push({ text: c.text, lang: c.lang, case: 'exact', kind: c.kind });
  }
  return aliases;
}

/** Maps each territory to its UN M49 subregion and continent names (from CLDR). */
export function regionsOf(inputs: CountryInputs): Map<string, { region: string; continent: string }> {
  const en = inputs.cldr.en ?? {};
  const name = (c: string) => REGION_WORDING[en[c] ?? ''] ?? en[c] ?? c;
  const parent = new Map<string, string>();
  for (const [region, members] of Object.entries(inputs.containment)) {
    // Only the M49 tree; "Latin America", "Sub-Saharan Africa" etc. are overlapping groupings.
    if (!/^\d{3}$/.test(region) || ['001', '419', '202', '003'].includes(region)) continue;
    for (const m of members) if (!parent.has(m)) parent.set(m, region);
  }
  const out = new Map<string, { region: string; continent: string }>();
  for (const [member, sub] of parent) {
    if (!/^[A-Z]{2}$/.test(member)) continue;
    const cont = parent.get(sub) ?? sub;
    // M49 has one "Americas"; the news speaks of North and South America.
    const continent = cont === '019' ? (sub === '005' ? 'South America' : 'North America') : name(cont);
    out.set(member, { region: name(sub), continent });
  }
  return out;
}

/** Converts every country and territory into an entity. */
export function buildCountries(inputs: CountryInputs): EntityInput[] {
  const regions = regionsOf(inputs);
  const codes = [...new Set([...Object.keys(inputs.isoEnglish), ...EXTRA_CODES])].sort();
  const entities: EntityInput[] = [];
  for (const code of codes) {
    const first = inputs.isoEnglish[code];
    const cldrEn = inputs.cldr.en?.[code];
    const display = cleanName(
      DISPLAY[code] ?? cldrEn?.replace(/ & /g, ' and ') ?? (typeof first === 'string' ? first : first?.[0]) ?? code,
    );
    const item = inputs.list[code];
    const where = regions.get(code);
    const noun = DEPENDENCIES.has(code) ? 'Territory' : 'Country';
    const description = DESCRIPTIONS[code] ?? (where ? `${noun} in ${where.region}` : noun);
    const capital = CAPITAL_NOTES[code] ?? item?.capital;
    const facts: Fact[] = [];
    if (capital) facts.push({ label: 'Capital', value: capital });
    if (where && where.region !== where.continent) facts.push({ label: 'Region', value: where.region });
    if (where) facts.push({ label: 'Continent', value: where.continent });
    const a3 = inputs.alpha3[code];
    facts.push({ label: 'ISO code', value: a3 ? `${code} / ${a3}` : code });
    const note = COUNTRY_NOTES[code];
    const line = `${description}${capital && !DESCRIPTIONS[code] ? `; capital ${capital}` : ''}`.replace(/\.?$/, '.');
    const sources: Source[] = [];
    if (note?.wiki) sources.push({ title: `${display} — Wikipedia`, url: `https://en.wikipedia.org/wiki/${note.wiki}` });
    if (QIDS[code]) sources.push({ title: `${display} — Wikidata`, url: `https://www.wikidata.org/wiki/${QIDS[code]}` });
    if (!EXTRA_CODES.includes(code)) {
      sources.push({ title: `ISO 3166-1: ${code}`, url: `https://www.iso.org/obp/ui/#iso:code:3166:${code}` });
    }
    entities.push({
      id: countryId(code),
      category: 'place',
      name: display,
      description,
      summary: note ? `${line} ${note.text}` : line,
      facts,
      aliases: countryAliases(code, display, inputs),
      related: [],
      sources,
      priority: 0,
    });
  }
  return dropSharedForms(entities);
}

/** A form claimed by two countries cannot tell them apart, so neither keeps it. */
function dropSharedForms(entities: EntityInput[]): EntityInput[] {
  const owners = new Map<string, Set<string>>();
  for (const e of entities) {
    for (const a of e.aliases) {
      const key = formKey(a.text);
      owners.set(key, (owners.get(key) ?? new Set()).add(e.id));
    }
  }
  return entities.map((e) => ({
    ...e,
    aliases: e.aliases.filter((a, i) => i === 0 || (owners.get(formKey(a.text))?.size ?? 0) < 2),
  }));
}
