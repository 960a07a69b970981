import type { Entity } from '../../lib/kb/schema';
import {
  canonicalEntity, dropUnknownRelated, findCollisions, KbBuildError, mergePacks, serializePack, validateItems,
} from './compile';

function entity(id: string, name: string, forms: string[], extra: Partial<Entity> = {}): Entity {
  return canonicalEntity({
    id,
    category: 'place',
    name,
    description: `${name} (test)`,
    aliases: forms.map((text) => ({ text, lang: 'en' })),
    ...extra,
  });
}

describe('validateItems', () => {
  it('rejects an invalid entity with a message naming the file, the entity and the problem', () => {
    const good = entity('Q1', 'Good', ['Good']);
    const bad = { ...entity('gloss:bad-one', 'Bad One', ['Bad']), category: 'planet' };
    const run = () => validateItems([
      { file: 'people/a.json', index: 0, raw: good },
      { file: 'people/a.json', index: 1, raw: bad },
    ]);
    expect(run).toThrow(KbBuildError);
    expect(run).toThrow(/people\/a\.json: entity #1 gloss:bad-one \("Bad One"\): category: /);
  });

  it('rejects the same id in two files', () => {
    const e = entity('Q1', 'One', ['One']);
    expect(() => validateItems([
      { file: 'a.json', index: 0, raw: e },
      { file: 'b.json', index: 0, raw: e },
    ])).toThrow(/b\.json: entity #0 Q1 \("One"\): duplicate id \(also in a\.json\)/);
  });

  it('fills schema defaults on valid entities', () => {
    const [out] = validateItems([{ file: 'a.json', index: 0, raw: { id: 'Q2', category: 'person', name: 'X Y', description: 'd', aliases: [{ text: 'X Y', lang: 'en' }] } }]);
    expect(out).toMatchObject({ priority: 0, related: [], aliases: [{ case: 'exact', kind: 'name' }] });
  });
});

describe('mergePacks', () => {
  it('lets a curated entity win over a generated one with its id, keeping aliases it lacks', () => {
    const geo = entity('Q159', 'Russia', ['Russia', 'Россия'], { summary: 'generated' });
    const curated = entity('Q159', 'Russia', ['Russia'], { summary: 'curated' });
    const { packs } = mergePacks(new Map([['geo', [geo]]]), 'desk', [curated]);
    expect(packs.get('geo')).toEqual([]);
    const [merged] = packs.get('desk') ?? [];
    expect(merged?.summary).toBe('curated');
    expect(merged?.aliases.map((a) => a.text)).toEqual(['Russia', 'Россия']);
    expect(merged?.pack).toBe('desk');
  });

  it('supersedes a generated place with the same display name and repoints links to it', () => {
    const city = entity('geonames:1', 'Sevastopol', ['Sevastopol', 'Севастополь']);
    const other = entity('iso:ua', 'Ukraine', ['Ukraine'], { related: ['geonames:1'] });
    const curated = entity('Q7525', 'Sevastopol', ['Sevastopol']);
    const { packs, replaced } = mergePacks(new Map([['geo', [city, other]]]), 'desk', [curated]);
    expect(replaced).toEqual([['geonames:1', 'Q7525']]);
    expect(packs.get('geo')?.map((e) => e.id)).toEqual(['iso:ua']);
    expect(packs.get('geo')?.[0]?.related).toEqual(['Q7525']);
    expect(packs.get('desk')?.[0]?.aliases.map((a) => a.text)).toContain('Севастополь');
  });
});

describe('dropUnknownRelated', () => {
  it('removes ids that exist nowhere, self-links and repeats', () => {
    const packs = new Map([['p', [entity('Q1', 'A', ['A'], { related: ['Q2', 'Q404', 'Q1', 'Q2'] }), entity('Q2', 'B', ['B'])]]]);
    expect(dropUnknownRelated(packs)).toEqual([['Q1', 'Q404']]);
    expect(packs.get('p')?.[0]?.related).toEqual(['Q2']);
  });
});

describe('findCollisions', () => {
  it('reports forms claimed at equal priority, but not surnames, lower priorities or other casings', () => {
    const list = [
      entity('Q1', 'Kursk Oblast', ['Kursk'], { priority: 5 }),
      entity('geonames:2', 'Kursk', ['Kursk']),
      entity('Q3', 'Alpha', ['Same']),
      entity('Q4', 'Beta', ['Same']),
      entity('Q5', 'Kim A', ['Kim'], { aliases: [{ text: 'Kim', lang: 'en', case: 'exact', kind: 'surname' }] }),
      entity('Q6', 'Kim B', ['Kim'], { aliases: [{ text: 'Kim', lang: 'en', case: 'exact', kind: 'surname' }] }),
      entity('Q7', 'US', ['US']),
      entity('Q8', 'us', ['us']),
    ];
    expect(findCollisions(list)).toEqual([{ form: 'Same', entities: ['Q3', 'Q4'] }]);
  });
});

describe('serializePack', () => {
  it('writes keys in schema order whatever the input order', () => {
    const a = entity('Q1', 'A', ['A']);
    const shuffled = Object.fromEntries(Object.entries(a).reverse()) as Entity;
    const meta = { id: 'p', name: 'P', version: '1', licence: 'CC BY 4.0', attribution: 'x' };
    expect(serializePack(meta, [shuffled])).toBe(serializePack(meta, [a]));
    expect(serializePack(meta, [a]).startsWith('{"format":1,"id":"p","name":"P","version":"1"')).toBe(true);
  });

  it('puts each entity on its own line, id first and pack last, as seeding expects', () => {
    const list = [entity('Q1', 'A "quoted"\nname', ['A']), entity('Q2', 'B', ['B'])];
    const meta = { id: 'p', name: 'P', version: '1', licence: 'CC BY 4.0', attribution: 'x' };
    const text = serializePack(meta, list);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.endsWith(',"entities":[')).toBe(true);
    expect(lines[1]!.startsWith('{"id":"Q1",') && lines[1]!.endsWith(',"pack":"p"},')).toBe(true);
    expect(lines[2]!.startsWith('{"id":"Q2",') && lines[2]!.endsWith(',"pack":"p"}')).toBe(true);
    expect(lines[3]).toBe(']}');
    expect((JSON.parse(text) as { entities: unknown[] }).entities).toEqual(list.map((e) => canonicalEntity(e, 'p')));
    expect(JSON.parse(serializePack(meta, []))).toEqual({ format: 1, ...meta, entities: [] });
  });
});
