import { buildCities, cityDisplayName, newsName, selectCities, type City, type CityContext } from './cities';
import { formKey } from './text';
import { buildUsStates } from './us-states';

let nextId = 1;
function city(name: string, country: string, featureCode: string, population: number, cityId = nextId++): City {
  return { cityId, name, country, featureCode, adminCode: '01', population, loc: { coordinates: [30.5, 50.45] } };
}

const ctx: CityContext = {
  countries: new Map([
    ['US', { id: 'Q30', name: 'United States' }],
    ['GB', { id: 'Q145', name: 'United Kingdom' }],
    ['CO', { id: 'iso:co', name: 'Colombia' }],
    ['DJ', { id: 'iso:dj', name: 'Djibouti' }],
    ['SG', { id: 'iso:sg', name: 'Singapore' }],
    ['LY', { id: 'Q1016', name: 'Libya' }],
    ['LB', { id: 'Q822', name: 'Lebanon' }],
    ['FR', { id: 'Q142', name: 'France' }],
  ]),
  countryForms: new Set(['Armenia', 'Djibouti', 'Singapore', 'Libya'].map((t) => formKey(t))),
};

/** Which entity a page's form would resolve to: the highest priority among its claimants. */
function resolve(entities: Array<{ id: string; priority?: number; aliases: Array<{ text: string }> }>, form: string) {
  const claims = entities.filter((e) => e.aliases.some((a) => a.text === form));
  claims.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  expect(claims.length).toBeGreaterThan(0);
  if (claims.length > 1) expect(claims[0]?.priority).not.toBe(claims[1]?.priority);
  return claims[0]?.id;
}

describe('selectCities', () => {
  it('keeps capitals, big regional seats and big cities, not small towns or city sections', () => {
    const picked = selectCities([
      city('Tinytown', 'FR', 'PPLC', 900),
      city('Midtown', 'FR', 'PPLA', 149_000),
      city('Bigseat', 'FR', 'PPLA', 151_000),
      city('Metro', 'FR', 'PPL', 600_000),
      city('Old Quarter', 'FR', 'PPLX', 2_000_000),
    ]).map((c) => c.name);
    expect(picked).toEqual(['Tinytown', 'Bigseat', 'Metro']);
  });
});

describe('cityDisplayName', () => {
  it('drops everyday words and given names', () => {
    for (const name of ['Mobile', 'Reading', 'Nice', 'Split', 'Male', 'Malé', 'Victoria', 'Florence', 'Bo']) {
      expect(cityDisplayName(city(name, 'GB', 'PPLA', 300_000), ctx), name).toBeNull();
    }
    expect(cityDisplayName(city('Leeds', 'GB', 'PPLA', 300_000), ctx)).toBe('Leeds');
  });

  it('never lets a city take a country name', () => {
    expect(cityDisplayName(city('Armenia', 'CO', 'PPLA', 300_000), ctx)).toBeNull();
    expect(cityDisplayName(city('Djibouti', 'DJ', 'PPLC', 600_000), ctx)).toBe('Djibouti City');
    expect(cityDisplayName(city('Singapore', 'SG', 'PPLC', 5_000_000), ctx)).toBeNull();
  });

  it('writes names the way English text does', () => {
    expect(newsName(city("Tol'yatti", 'RU', 'PPL', 700_000))).toBe('Tolyatti');
    expect(newsName(city('Nara-shi', 'JP', 'PPLA', 360_000))).toBe('Nara');
    expect(newsName(city('City of Balikpapan', 'ID', 'PPL', 600_000))).toBe('Balikpapan');
  });
});

describe('buildCities', () => {
  const entities = buildCities(
    [
      city('Washington, D.C.', 'US', 'PPLC', 601_723, 4140963),
      city('Tripoli', 'LB', 'PPLA', 229_398),
      city('Tripoli', 'LY', 'PPLC', 1_150_989),
      city('Mobile', 'US', 'PPLA', 194_288),
    ],
    ctx,
  );

  it('lets the capital win "Washington" over the state', () => {
    const all = [...entities, ...buildUsStates('Q30')];
    expect(resolve(all, 'Washington')).toBe('geonames:4140963');
    const dc = entities.find((e) => e.id === 'geonames:4140963');
    expect(dc?.name).toBe('Washington, D.C.');
    expect(dc?.aliases.find((a) => a.text === 'D.C.')).toMatchObject({ case: 'exact', kind: 'acronym' });
    expect(dc?.description).toBe('Capital of the United States');
  });

  it('ranks a capital above a same-named city elsewhere', () => {
    const tripolis = entities.filter((e) => e.name === 'Tripoli');
    expect(tripolis.map((e) => [e.related?.[0], e.priority])).toEqual([['Q822', -1], ['Q1016', 0]]);
  });

  it('leaves stop-listed cities out entirely', () => {
    expect(entities.some((e) => e.aliases.some((a) => a.text === 'Mobile'))).toBe(false);
  });
});
