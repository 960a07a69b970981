import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializePack } from '@/scripts/kb/compile';
import { entityText, packText, readPackText } from './bundle-text';
import type { Pack } from './schema';
import { entity, manyEntities, pack } from './test-entities';

const meta = { id: 'desk', name: 'Desk', version: '3', licence: 'CC BY 4.0', attribution: 'Us', description: 'Line\nbreak "quoted"' };
const tricky = [
  entity('Q1', { summary: 'He said "lang":"en" and\nleft', aliases: [{ text: 'A "B"', lang: 'en', case: 'fold', kind: 'name' }] }),
  entity('gloss:two', { facts: [{ label: 'Role', value: 'x', asOf: '2025' }], aliases: [
    { text: 'Two', lang: 'en', case: 'exact', kind: 'name' },
    { text: 'Два', lang: 'ru', case: 'fold', kind: 'short' },
  ] }),
  entity('Q3'),
];

describe('readPackText', () => {
  it('splits the build layout without parsing, with the same result as parsing', () => {
    const text = serializePack(meta, tricky);
    expect(text.split('\n')).toHaveLength(tricky.length + 2);
    const parsed = JSON.parse(text) as Pack;
    const fast = readPackText(text);
    expect(fast).toEqual(packText(parsed));
    expect(fast.meta).toEqual({ format: 1, ...meta });
    expect(fast.aliases).toBe(4);
    expect(fast.entities.map((e) => e.id)).toEqual(['Q1', 'gloss:two', 'Q3']);
    expect(fast.entities.map((e) => JSON.parse(e.json) as unknown)).toEqual(parsed.entities);
  });

  it('reads any other valid pack JSON by parsing it, tagging entities with the pack', () => {
    const p = pack('core', [entity('Q1'), entity('Q2', { pack: 'elsewhere' })]);
    for (const text of [JSON.stringify(p), JSON.stringify(p, null, 2), serializePack(meta, []).replace('\n', ' ')]) {
      const got = readPackText(text);
      expect(got).toEqual(packText(JSON.parse(text) as Pack));
    }
    const got = readPackText(JSON.stringify(p));
    expect(got.entities.map((e) => (JSON.parse(e.json) as { pack: string }).pack)).toEqual(['core', 'elsewhere']);
    expect(readPackText(serializePack(meta, [])).entities).toEqual([]);
  });

  it('falls back to parsing when a line is not in the build layout', () => {
    const lines = serializePack(meta, manyEntities(3)).split('\n');
    // An entity whose keys are not in schema order, and one without a trailing pack.
    lines[2] = `${JSON.stringify(Object.fromEntries(Object.entries(entity('Q2', { pack: 'desk' })).reverse()))},`;
    const text = lines.join('\n');
    expect(readPackText(text)).toEqual(packText(JSON.parse(text) as Pack));
    expect(() => readPackText(`${lines[0]}\n{"id":"Q1",\n]}`)).toThrow(SyntaxError);
  });

  it('reads the bundled files exactly as parsing them would', () => {
    const dir = join(import.meta.dirname, '..', '..', 'public', 'kb');
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { packs: { file: string; entities: number }[] };
    for (const { file, entities } of index.packs) {
      const text = readFileSync(join(dir, file), 'utf8');
      // In the build layout (else this would only test the fallback).
      expect(text.split('\n')).toHaveLength(entities + 2);
      const parsed = packText(JSON.parse(text) as Pack);
      const fast = readPackText(text);
      expect(fast.entities).toHaveLength(entities);
      expect(fast.aliases).toBe(parsed.aliases);
      expect(fast.meta).toEqual(parsed.meta);
      expect(fast.entities.map((e) => e.id)).toEqual(parsed.entities.map((e) => e.id));
      expect(fast.entities.map((e) => JSON.parse(e.json) as unknown)).toEqual(parsed.entities.map((e) => JSON.parse(e.json) as unknown));
    }
  });

  it('gives entities their JSON text', () => {
    const e = entity('Q9');
    expect(entityText(e)).toEqual({ id: 'Q9', json: JSON.stringify(e) });
  });
});
