import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { PackSchema, type Entity, type Pack } from '../../lib/kb/schema';
import { parsePackText } from '../../lib/kb/packs';
import { convertEntities, convertCandidates, type ConvertOptions } from './convert';
import { detectInput, readDump } from './input';
import { candidatesFromSparql } from './sparql';
import { parseArgs, run } from './cli';

const DUMP = join(__dirname, 'fixtures/dump.json');
const SPARQL = join(__dirname, 'fixtures/sparql.json');
const opts = (over: Partial<ConvertOptions> = {}): ConvertOptions => ({
  langs: ['en', 'ru', 'fr'],
  pack: { id: 'wd-test', name: 'Wikidata test', version: '2025-03-01' },
  today: '2025-03-01',
  ...over,
});

const byId = (pack: Pack) => new Map(pack.entities.map((e) => [e.id, e]));
const aliasKinds = (e: Entity | undefined) => e?.aliases.map((a) => `${a.text}|${a.lang}|${a.kind}`);

describe('dump conversion', () => {
  it('produces a valid pack with the right categories, aliases and facts', async () => {
    const { pack, stats } = await convertEntities(() => readDump(DUMP), opts());
    expect(v.safeParse(PackSchema, pack).success).toBe(true);
    expect(pack).toMatchObject({ format: 1, id: 'wd-test', licence: 'CC0-1.0' });
    const ents = byId(pack);
    expect([...ents].map(([id, e]) => `${id}:${e.category}`)).toEqual([
      'Q7747:person',
      'Q649:place',
      'Q159:place',
      'Q7184:organization',
      'Q99990001:weapon',
      'Q99990002:weapon',
      'Q99990003:weapon',
    ]);
    expect(stats).toMatchObject({ read: 11, noLabel: 2, unknownClass: 2, passes: 1, unresolvedFacts: 0 });
    expect(stats.unknownClasses).toEqual(new Map([['Q4164871', 1], ['Q7366', 1]]));

    const putin = ents.get('Q7747')!;
    expect(putin.name).toBe('Vladimir Putin');
    expect(putin.description).toBe('President of Russia since 2012');
    expect(aliasKinds(putin)).toEqual([
      'Vladimir Putin|en|name',
      'Владимир Владимирович Путин|ru|name',
      'Vladimir Poutine|fr|name',
      'Putin|en|surname',
      'Vladimir Vladimirovich Putin|en|name',
      'VVP|en|acronym',
      'Путин|ru|surname',
    ]);
    expect(putin.aliases.every((a) => a.case === 'exact')).toBe(true);
    expect(putin.facts).toEqual([
      { label: 'Position', value: 'President of Russia (since 2012-05-07)', asOf: '2025-02-01' },
      { label: 'Former position', value: 'President of Russia (2000-05-07–2008-05-07)', asOf: '2008-05-07' },
      { label: 'Born', value: '1952-10-07' },
    ]);
    expect(putin.sources).toEqual([
      { title: 'Wikipedia: Vladimir Putin', url: 'https://en.wikipedia.org/wiki/Vladimir_Putin' },
      { title: 'Wikidata: Q7747', url: 'https://www.wikidata.org/wiki/Q7747' },
    ]);

    expect(ents.get('Q649')!.facts).toEqual([
      { label: 'Country', value: 'Russia' },
      { label: 'Population', value: '13,010,112', asOf: '2021-10-01' },
      { label: 'Established', value: '1147' },
    ]);
    expect(ents.get('Q159')!.facts).toEqual([{ label: 'Population', value: '147,182,123', asOf: '2021-10-01' }]);
    expect(aliasKinds(ents.get('Q159'))).toContain('RF|en|acronym');
    expect(aliasKinds(ents.get('Q159'))).toContain('РФ|ru|acronym');
    const nato = ents.get('Q7184')!;
    expect(nato.facts).toEqual([{ label: 'Founded', value: '1949-04-04' }]);
    expect(aliasKinds(nato)).toEqual([
      'NATO|en|name',
      'OTAN|fr|name',
      'North Atlantic Treaty Organization|en|name',
      'the Alliance|en|name',
      "Organisation du traité de l'Atlantique nord|fr|name",
    ]);
    // No English description: the first description in the chosen languages, else the category.
    expect(ents.get('Q99990003')!.description).toBe('weapon');
  });

  it('reads a gzipped copy of the dump the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-wd-'));
    const gz = join(dir, 'dump.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(DUMP)));
    expect(await detectInput(gz)).toBe('dump');
    const plain = await convertEntities(() => readDump(DUMP), opts());
    const zipped = await convertEntities(() => readDump(gz), opts());
    expect(zipped.pack).toEqual(plain.pack);
  });

  it('falls back to a second pass for labels when it may not keep them all', async () => {
    const plain = await convertEntities(() => readDump(DUMP), opts());
    const twoPass = await convertEntities(() => readDump(DUMP), opts({ maxLabels: 0 }));
    expect(twoPass.stats.passes).toBe(2);
    expect(twoPass.pack).toEqual(plain.pack);
  });

  it('drops facts that name items missing from the input, and counts them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-wd-'));
    const partial = join(dir, 'partial.json');
    writeFileSync(partial, readFileSync(DUMP, 'utf8').split('\n').filter((l) => !/^\{"type":"item","id":"(Q218295|Q159)"/.test(l)).join('\n'));
    const { pack, stats } = await convertEntities(() => readDump(partial), opts());
    const ents = byId(pack);
    expect(ents.get('Q7747')!.facts).toEqual([{ label: 'Born', value: '1952-10-07' }]);
    expect(ents.get('Q649')!.facts.map((f) => f.label)).toEqual(['Population', 'Established']);
    expect(stats.unresolvedFacts).toBe(3);
  });

  it('uses --class rows and language order', async () => {
    const { pack } = await convertEntities(() => readDump(DUMP), opts({ langs: ['ru', 'en'], classes: new Map([['Q7366', 'event']]) }));
    const ents = byId(pack);
    expect(ents.get('Q99990004')?.category).toBe('event');
    expect(ents.get('Q649')!.name).toBe('Москва');
    expect(ents.get('Q649')!.description).toBe('capital and largest city of Russia');
  });

  it('skips lines that are not JSON and reports them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-wd-'));
    const broken = join(dir, 'broken.json');
    const lines = readFileSync(DUMP, 'utf8').split('\n');
    lines[3] = lines[3]!.slice(0, 40);
    writeFileSync(broken, lines.join('\n'));
    const bad: number[] = [];
    const { pack } = await convertEntities(() => readDump(broken, { onBadLine: (n) => bad.push(n) }), opts());
    expect(bad).toEqual([4]);
    expect(byId(pack).has('Q7747')).toBe(true);
  });
});

describe('SPARQL conversion', () => {
  const doc = JSON.parse(readFileSync(SPARQL, 'utf8'));
  const langs = ['en', 'uk', 'ru'];

  it('groups rows by item and keeps one value per fact', () => {
    const { pack, stats } = convertCandidates(candidatesFromSparql(doc, langs, '2025-03-01'), opts({ langs }));
    expect(v.safeParse(PackSchema, pack).success).toBe(true);
    const ents = byId(pack);
    expect([...ents].map(([id, e]) => `${id}:${e.category}`)).toEqual(['Q1899:place', 'Q212:place', 'Q3874799:person']);
    expect(stats.noLabel).toBe(1);
    const kyiv = ents.get('Q1899')!;
    expect(aliasKinds(kyiv)).toEqual(['Kyiv|en|name', 'Kiev|en|name', 'Київ|uk|name', 'Киев|ru|name']);
    expect(kyiv.facts).toEqual([
      { label: 'Country', value: 'Ukraine' },
      { label: 'Population', value: '2,952,301', asOf: '2022-01-01' },
    ]);
    expect(kyiv.sources[0]).toEqual({ title: 'Wikipedia: Kyiv', url: 'https://en.wikipedia.org/wiki/Kyiv' });
    expect(aliasKinds(ents.get('Q212'))).toEqual(['Ukraine|en|name', 'UA|en|acronym']);
    const z = ents.get('Q3874799')!;
    expect(aliasKinds(z)).toEqual([
      'Volodymyr Zelenskyy|en|name',
      'Zelenskyy|en|surname',
      'Volodymyr Oleksandrovych Zelenskyy|en|name',
      'Zelensky|en|surname',
    ]);
    expect(z.facts).toEqual([
      { label: 'Position', value: 'President of Ukraine (since 2019-05-20)', asOf: '2025-03-01' },
      { label: 'Born', value: '1978-01-25' },
    ]);
  });
});

describe('command line', () => {
  it('parses options', () => {
    const a = parseArgs(['in.json', 'out.jsonl', '--langs', 'en,ru', '--id', 'osint', '--class', 'Q1186981=weapon']);
    expect(a).toMatchObject({ input: 'in.json', output: 'out.jsonl', options: { langs: ['en', 'ru'], pack: { id: 'osint' } } });
    expect(a.options.classes).toEqual(new Map([['Q1186981', 'weapon']]));
    expect(() => parseArgs(['in.json'])).toThrow(/INPUT and OUTPUT/);
    expect(() => parseArgs(['a', 'b', '--class', 'Q1=animal'])).toThrow(/QID=category/);
    expect(() => parseArgs(['a', 'b', '--id', 'Bad Id'])).toThrow(/--id/);
    expect(() => parseArgs(['a', 'b', '--frobnicate'])).toThrow(/unknown option/);
  });

  it('writes JSON and JSON Lines packs that Gloss imports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-wd-'));
    const log: string[] = [];
    for (const out of ['p.json', 'p.jsonl']) {
      const args = parseArgs([DUMP, join(dir, out), '--langs', 'en,ru,fr', '--id', 'wd-test', '--version', '1']);
      await run(args, (l) => log.push(l));
      const pack = parsePackText(readFileSync(join(dir, out), 'utf8'), out);
      expect(pack.entities.map((e) => e.id)).toContain('Q7747');
      expect(pack.version).toBe('1');
    }
    expect(log.join('\n')).toMatch(/converted 7 \(person 1, place 2, organization 1, weapon 3, event 0\)/);
    expect(log.join('\n')).toMatch(/Q4164871 ×1/);
    const sp = join(dir, 's.json');
    await run(parseArgs([SPARQL, sp, '--langs', 'en,uk,ru']), () => undefined);
    expect(parsePackText(readFileSync(sp, 'utf8')).entities).toHaveLength(3);
  });

  it('runs as an npm script', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-wd-'));
    const out = join(dir, 'cli.jsonl');
    const res = spawnSync('npx', ['tsx', 'scripts/wikidata-pack.ts', DUMP, out, '--langs', 'en'], { cwd: join(__dirname, '../..'), encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/read 11 entities; converted 7/);
    const bad = spawnSync('npx', ['tsx', 'scripts/wikidata-pack.ts', DUMP], { cwd: join(__dirname, '../..'), encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/expected INPUT and OUTPUT[\s\S]*Usage:/);
    expect(parsePackText(readFileSync(out, 'utf8'), 'cli.jsonl').entities.length).toBeGreaterThan(0);
  }, 30_000);
});
