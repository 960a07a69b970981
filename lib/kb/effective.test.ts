import { kbVersionOf, pickEntity, resolveEntities } from './effective';
import { mergeAction } from './note-merge';
import { entity } from './test-entities';
import type { Note } from '@/lib/notes/types';

describe('entity precedence', () => {
  const bundled = entity('Q1', { description: 'bundled' });
  const old = entity('Q1', { description: 'old', pack: 'a' });
  const recent = entity('Q1', { description: 'recent', pack: 'b' });
  const seqs = new Map([
    ['a', 1],
    ['b', 2],
  ]);

  it('prefers the most recent user pack, then older ones, then bundled', () => {
    expect(pickEntity(bundled, [recent, old], seqs)?.description).toBe('recent');
    expect(pickEntity(bundled, [old], seqs)?.description).toBe('old');
    expect(pickEntity(bundled, [], seqs)?.description).toBe('bundled');
    expect(resolveEntities([bundled], [recent, old], seqs).get('Q1')?.description).toBe('recent');
    expect(resolveEntities([bundled], [old, recent], new Map([['a', 5], ['b', 2]])).get('Q1')?.description).toBe('old');
  });

  it('ignores entities of packs it does not know', () => {
    const orphan = entity('Q1', { description: 'orphan', pack: 'gone' });
    expect(pickEntity(bundled, [orphan], seqs)?.description).toBe('bundled');
    expect(resolveEntities([], [orphan], seqs).size).toBe(0);
  });

  it('versions the KB by bundled version and user revision', () => {
    expect(kbVersionOf('2025.03', 0)).toBe('2025.03');
    expect(kbVersionOf('2025.03', 4)).toBe('2025.03+u4');
    expect(kbVersionOf('', 0)).toBe('empty');
  });
});

describe('mergeAction', () => {
  const n: Note = {
    id: 'n',
    entityId: 'Q1',
    entityName: 'X',
    category: 'person',
    text: 't',
    url: 'https://a.example/',
    title: 'T',
    quote: { exact: 'X', prefix: '', suffix: '' },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
  };
  it('adds new notes, skips identical ones and takes only newer edits', () => {
    expect(mergeAction(undefined, n)).toBe('add');
    expect(mergeAction(n, { ...n, quote: { ...n.quote } })).toBe('unchanged');
    expect(mergeAction(n, { ...n, text: 'u', updatedAt: '2025-01-03T00:00:00.000Z' })).toBe('update');
    expect(mergeAction(n, { ...n, text: 'old', updatedAt: '2025-01-01T00:00:00.000Z' })).toBe('unchanged');
    expect(mergeAction(n, { ...n, quote: { ...n.quote, suffix: '!' } })).toBe('unchanged');
  });
});
