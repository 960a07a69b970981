import { buildCountries, type CountryInputs } from './geography';

/** A few countries in the packages' own shapes, including their awkward names. */
const inputs: CountryInputs = {
  isoEnglish: {
    US: ['United States of America', 'United States', 'USA', 'U.S.A.', 'US', 'U.S.'],
    RU: ['Russian Federation', 'Russia'],
    GB: ['United Kingdom', 'UK', 'Great Britain'],
    GE: 'Georgia',
    TW: ['Taiwan, Province of China', 'Taiwan'],
    CG: ['Republic of the Congo', 'Congo'],
    CD: ['Democratic Republic of the Congo', 'Congo'],
  },
  alpha3: { US: 'USA', RU: 'RUS', GB: 'GBR', GE: 'GEO', TW: 'TWN', CG: 'COG', CD: 'COD' },
  list: {
    RU: { name: 'Russia', native: 'Россия', alias: ['Russian Federation'], capital: 'Moscow', languages: ['ru'] },
    US: { name: 'United States', native: 'United States', alias: ['US', 'USA'], capital: 'Washington D.C.', languages: ['en'] },
    GE: { name: 'Georgia', native: '\u200Fსაქართველო', capital: 'Tbilisi', languages: ['ka'] },
  },
  cldr: {
    en: { US: 'United States', 'US-alt-short': 'US', RU: 'Russia', '151': 'Eastern Europe', '150': 'Europe', '145': 'Western Asia', '142': 'Asia' },
    ru: { RU: 'Россия', US: 'Соединенные Штаты', 'US-alt-short': 'США' },
    es: { GB: 'Reino Unido', 'GB-alt-short': 'RU' },
    fr: { GE: 'Géorgie', CD: 'Congo - Kinshasa' },
  },
  containment: { '150': ['151'], '151': ['RU'], '142': ['145'], '145': ['GE'] },
};

const countries = buildCountries(inputs);
const byName = (name: string) => {
  const e = countries.find((c) => c.name === name);
  if (!e) throw new Error(`no entity named ${name}`);
  return e;
};
const texts = (name: string) => byName(name).aliases.map((a) => a.text);

describe('buildCountries', () => {
  it('keeps US and U.S. as exact-case acronyms and never adds a lower-case "us"', () => {
    const us = byName('United States');
    expect(us.id).toBe('Q30');
    for (const form of ['US', 'U.S.', 'USA']) {
      const alias = us.aliases.find((a) => a.text === form);
      expect(alias).toMatchObject({ case: 'exact', kind: 'acronym' });
    }
    expect(us.aliases.some((a) => a.text.toLowerCase() === a.text && /^u\.?s\.?$/i.test(a.text))).toBe(false);
    expect(us.aliases.every((a) => a.case === 'exact')).toBe(true);
  });

  it('shows Russia under its news name with the Russian form as an alias', () => {
    const ru = byName('Russia');
    expect(ru.id).toBe('Q159');
    expect(texts('Russia')).toEqual(expect.arrayContaining(['Russia', 'Russian Federation', 'Россия', 'Russian']));
    expect(ru.aliases.find((a) => a.text === 'Russian')?.kind).toBe('demonym');
    expect(ru.facts).toContainEqual({ label: 'Region', value: 'Eastern Europe' });
    expect(ru.summary).toMatch(/^Country in Eastern Europe; capital Moscow\./);
  });

  it('drops loaded, inverted and shared forms', () => {
    expect(texts('Taiwan')).not.toContain('Taiwan, Province of China');
    expect(texts('Democratic Republic of the Congo')).not.toContain('Congo');
    expect(texts('Republic of the Congo')).not.toContain('Congo');
  });

  it('refuses foreign abbreviations that read as something else in English', () => {
    expect(texts('United Kingdom')).toContain('Reino Unido');
    expect(texts('United Kingdom')).not.toContain('RU');
  });

  it('keeps Georgia exact and cleans invisible marks from native names', () => {
    const ge = byName('Georgia');
    expect(ge.aliases[0]).toMatchObject({ text: 'Georgia', case: 'exact' });
    expect(texts('Georgia')).toContain('საქართველო');
    expect(texts('Georgia')).toContain('Géorgie');
  });
});
