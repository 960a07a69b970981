import { CHUNK_TARGET, chunkContents, chunkCount, chunkEntities, chunkOf, findInChunk } from './bundled-chunks';
import { entityText } from './bundle-text';
import { entity, manyEntities } from './test-entities';

const texts = (n: number, start = 1) => manyEntities(n, start).map(entityText);

describe('chunkOf', () => {
  it('is stable, in range, and spreads ids evenly', () => {
    const ids = [...manyEntities(4800).map((e) => e.id), 'gloss:sergei-shoigu', 'iso:kr', 'geonames:1835848'];
    const counts = new Array<number>(100).fill(0);
    for (const id of ids) {
      const c = chunkOf(id, 100);
      expect(c).toBe(chunkOf(id, 100));
      expect(Number.isInteger(c) && c >= 0 && c < 100).toBe(true);
      counts[c]!++;
    }
    // ~48 per chunk: no chunk empty, none more than twice the average.
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan(100);
  });

  it('tells ids apart that differ in one character, and hashes non-ASCII ids', () => {
    const spread = new Set(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8'].map((id) => chunkOf(id, 1000)));
    expect(spread.size).toBeGreaterThan(4);
    expect(chunkOf('gloss:ü', 7)).not.toBeNaN();
  });

  it('puts everything in chunk 0 when there is one chunk or no count', () => {
    expect(chunkOf('Q42', 1)).toBe(0);
    expect(chunkOf('Q42', 0)).toBe(0);
    expect(chunkOf('Q42', undefined as unknown as number)).toBe(0);
  });
});

describe('chunkEntities', () => {
  it('sizes chunks from the entity count', () => {
    expect(chunkCount(0)).toBe(1);
    expect(chunkCount(CHUNK_TARGET)).toBe(1);
    expect(chunkCount(CHUNK_TARGET + 1)).toBe(2);
    expect(chunkCount(3796)).toBe(Math.ceil(3796 / CHUNK_TARGET));
  });

  it('places every entity in the chunk its id hashes to, once, and finds it there', () => {
    const { chunks, count } = chunkEntities(texts(1000));
    expect(count).toBe(1000);
    expect(chunks).toHaveLength(chunkCount(1000));
    expect(chunks.flatMap((c) => c.ids)).toHaveLength(1000);
    chunks.forEach((chunk, i) => {
      expect(chunk.json).toHaveLength(chunk.ids.length);
      for (const id of chunk.ids) expect(chunkOf(id, chunks.length)).toBe(i);
    });
    for (const id of ['Q1', 'Q500', 'Q777', 'Q1000']) expect(findInChunk(chunks[chunkOf(id, chunks.length)], id)?.id).toBe(id);
    expect(findInChunk(chunks[chunkOf('Q1001', chunks.length)], 'Q1001')).toBeUndefined();
    expect(findInChunk(undefined, 'Q1')).toBeUndefined();
  });

  it('lets a later entity with the same id win and counts it once', () => {
    const { chunks, count } = chunkEntities([entity('Q1', { description: 'first' }), entity('Q2'), entity('Q1', { description: 'second' })].map(entityText));
    expect(count).toBe(2);
    const all = chunks.flatMap(chunkContents);
    expect(all.map((e) => [e.id, e.description]).sort()).toEqual([
      ['Q1', 'second'],
      ['Q2', 'Description of Q2'],
    ]);
  });
});

describe('stored chunks', () => {
  it('round-trip their entities and parse only the one asked for', () => {
    const entities = [entity('Q1', { summary: 'Line one\nwith "quotes" and ü' }), entity('gloss:x', { priority: 5 }), entity('Q3')];
    const { chunks } = chunkEntities(entities.map(entityText));
    expect(chunks).toHaveLength(1);
    expect(chunkContents(chunks[0]!)).toEqual(entities);
    expect(findInChunk(chunks[0], 'gloss:x')).toEqual(entities[1]);
    // A damaged neighbour does not matter; damaged text itself reads as absent.
    const damaged = { ids: ['Q1', 'Q2'], json: ['{"id":"Q1",', JSON.stringify(entities[2])] };
    expect(findInChunk(damaged, 'Q2')?.id).toBe('Q3');
    expect(findInChunk(damaged, 'Q1')).toBeUndefined();
    expect(chunkContents(damaged).map((e) => e.id)).toEqual(['Q3']);
  });
});
