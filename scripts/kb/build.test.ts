import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { PackSchema, type Pack } from '../../lib/kb/schema';
import { buildKb } from './build';
import { KbBuildError } from './compile';
import { buildGeo, loadCities, loadCountryInputs, loadHistoric } from './geo-pipeline';
import { isStopWord } from './stop-list';

// One conversion of the real packages, shared by the tests below (about a second).
const geo = buildGeo(loadCountryInputs(), loadCities(), loadHistoric());
const tmp = mkdtempSync(join(tmpdir(), 'gloss-kb-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const curatedEntity = {
  id: 'gloss:test-person',
  category: 'person',
  name: 'Test Person',
  description: 'A person for the build test',
  aliases: [{ text: 'Test Person', lang: 'en' }],
  related: ['Q159', 'gloss:nowhere'],
};

function sources(name: string, entities: unknown[]): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'people'), { recursive: true });
  writeFileSync(join(dir, 'people', 'test.json'), JSON.stringify({ entities }));
  return dir;
}

describe('buildKb (real geography)', () => {
  const src = sources('src', [curatedEntity]);
  const first = buildKb({ sourcesDir: src, outDir: join(tmp, 'out1'), geo, log: () => {} });
  const second = buildKb({ sourcesDir: src, outDir: join(tmp, 'out2'), geo, log: () => {} });
  const read = (id: string): Pack => v.parse(PackSchema, JSON.parse(readFileSync(join(tmp, 'out1', `${id}.json`), 'utf8')));

  it('is deterministic: two runs give the same bytes and version', () => {
    expect(second.version).toBe(first.version);
    for (const f of ['index.json', 'geo-countries.json', 'geo-cities.json', 'newsdesk.json']) {
      expect(readFileSync(join(tmp, 'out2', f), 'utf8')).toBe(readFileSync(join(tmp, 'out1', f), 'utf8'));
    }
    const index = JSON.parse(readFileSync(join(tmp, 'out1', 'index.json'), 'utf8'));
    expect(index).toMatchObject({ format: 1, version: first.version });
    expect(index.packs.map((p: { id: string }) => p.id)).toEqual(['geo-countries', 'geo-cities', 'newsdesk']);
  });

  it('writes valid packs with the right names, exact-case acronyms and no stop words', () => {
    const countries = read('geo-countries');
    const cities = read('geo-cities');
    const us = countries.entities.find((e) => e.id === 'Q30');
    expect(us?.aliases.filter((a) => ['US', 'U.S.'].includes(a.text)).map((a) => a.case)).toEqual(['exact', 'exact']);
    const all = [...countries.entities, ...cities.entities];
    expect(all.some((e) => e.aliases.some((a) => a.text === 'us' || (a.case === 'fold' && a.text.toLowerCase() === 'us')))).toBe(false);
    expect(countries.entities.find((e) => e.id === 'Q148')?.name).toBe('China');
    const ru = countries.entities.find((e) => e.id === 'Q159');
    expect(ru?.name).toBe('Russia');
    expect(ru?.aliases.map((a) => a.text)).toContain('Россия');
    expect(cities.entities.find((e) => e.id === 'geonames:703448')?.name).toBe('Kyiv');
    expect(all.filter((e) => e.aliases.some((a) => isStopWord(a.text) && a.lang === 'en')).map((e) => e.name)).toEqual([]);
    expect(cities.entities.some((e) => e.aliases.some((a) => a.text === 'Korea'))).toBe(false);
  });

  it('resolves "Washington" to the capital by priority', () => {
    const all = [...read('geo-countries').entities, ...read('geo-cities').entities];
    const claims = all.filter((e) => e.aliases.some((a) => a.text === 'Washington')).sort((a, b) => b.priority - a.priority);
    expect(claims[0]?.name).toBe('Washington, D.C.');
    expect(claims[0]?.priority).toBeGreaterThan(claims[1]?.priority ?? 0);
  });

  it('adds curated entities as the newsdesk pack and drops related ids that exist nowhere', () => {
    const desk = read('newsdesk');
    expect(desk.licence).toBe('CC BY 4.0');
    expect(desk.entities).toHaveLength(1);
    expect(desk.entities[0]?.related).toEqual(['Q159']);
  });

  it('fails on an invalid curated entity, naming file and entity', () => {
    const bad = sources('bad', [{ ...curatedEntity, aliases: [] }]);
    expect(() => buildKb({ sourcesDir: bad, outDir: join(tmp, 'out3'), geo, log: () => {} })).toThrow(KbBuildError);
    expect(() => buildKb({ sourcesDir: bad, outDir: join(tmp, 'out3'), geo, log: () => {} })).toThrow(
      /people\/test\.json: entity #0 gloss:test-person \("Test Person"\): aliases: /,
    );
  });
});
