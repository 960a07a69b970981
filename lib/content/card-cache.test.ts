import type { Entity } from '@/lib/kb/schema';
import { CardCache, looksLikeId } from './card-cache';

const entity = (id: string, name: string, related: string[] = []): Entity => ({
  id,
  name,
  category: 'person',
  description: 'd',
  summary: '',
  facts: [],
  aliases: [{ text: name, lang: 'en', case: 'exact', kind: 'name' }],
  related,
  sources: [],
  priority: 0,
});

describe('CardCache', () => {
  it('fetches each id once, remembers unknown ids, and shares requests in flight', async () => {
    const known = new Map([
      ['Q1', entity('Q1', 'One')],
      ['Q2', entity('Q2', 'Two')],
    ]);
    const asked: string[][] = [];
    const cache = new CardCache(async (ids) => {
      asked.push(ids);
      return ids.flatMap((id) => known.get(id) ?? []);
    });
    await Promise.all([cache.load(['Q1', 'Q2', 'Q9']), cache.load(['Q1'])]);
    await cache.load(['Q1', 'Q2', 'Q9']);
    expect(asked).toEqual([['Q1', 'Q2', 'Q9']]);
    expect(cache.get('Q2')?.name).toBe('Two');
    expect(await cache.ensure('Q9')).toBeUndefined();
  });

  it('retries after a failed fetch', async () => {
    let fail = true;
    const cache = new CardCache(async (ids) => {
      if (fail) throw new Error('background asleep');
      return ids.map((id) => entity(id, id));
    });
    await cache.load(['Q1']);
    expect(cache.get('Q1')).toBeUndefined();
    fail = false;
    expect((await cache.ensure('Q1'))?.id).toBe('Q1');
  });

  it('names related entities it knows and keeps plain names', async () => {
    const cache = new CardCache(async () => [entity('Q2', 'Two')]);
    await cache.load(['Q2']);
    expect(cache.relatedNames(entity('Q1', 'One', ['Q2', 'Q3', 'Kremlin']))).toEqual(['Two', 'Kremlin']);
    expect(looksLikeId('gloss:geran-2')).toBe(true);
    expect(looksLikeId('Security Council')).toBe(false);
  });
});
