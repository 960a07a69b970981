import { describe, expect, it } from 'vitest';
import { compileMatcher, createDocumentRecognizer, recognize } from './index.ts';
import { form, found } from './test-util.ts';

const kims = [
  form('Kim Jong-un', 'kju'), form('Kim Jong-il', 'kji'), form('Kim Yo-jong', 'kyj'),
  form('Kim', 'kju', { kind: 'surname' }), form('Kim', 'kji', { kind: 'surname' }), form('Kim', 'kyj', { kind: 'surname' }),
  form('Park Geun-hye', 'pgh'), form('Park', 'pgh', { kind: 'surname' }),
  form('Bashar al-Assad', 'assad'), form('Assad', 'assad', { kind: 'short' }),
  form('Georgia', 'ga-country', { category: 'place', priority: 10 }), form('Georgia', 'ga-state', { category: 'place', priority: 0 }),
  form('Washington', 'dc', { category: 'place', priority: 5, kind: 'short' }), form('George Washington', 'gw'),
  form('Washington', 'gw', { kind: 'surname' }),
  form('Mercury', 'planet', { category: 'place' }), form('Mercury', 'element', { category: 'organization' }),
];

describe('coreference and disambiguation', () => {
  const m = compileMatcher(kims);

  it('resolves a bare surname to the claimant named most recently', () => {
    const text = 'Kim Jong-il ruled. Kim Jong-un followed. Kim admired his father.';
    const xs = recognize(m, text);
    expect(xs.map((x) => [text.slice(x.start, x.end), x.entityId, x.via])).toEqual([
      ['Kim Jong-il', 'kji', 'direct'], ['Kim Jong-un', 'kju', 'direct'], ['Kim', 'kju', 'coref'],
    ]);
  });

  it('yields no mention for a surname with no antecedent', () => {
    expect(found(m, 'Kim said. Park agreed.')).toEqual([]);
    expect(found(m, 'Park Geun-hye spoke. Later Park left.')).toEqual(['Park Geun-hye=pgh', 'Park=pgh']);
  });

  it('matches a short form with no antecedent', () => {
    expect(found(m, 'Assad fled.')).toEqual(['Assad=assad']);
  });

  it('uses priority when nobody was mentioned, and refuses ties', () => {
    expect(found(m, 'Georgia voted.')).toEqual(['Georgia=ga-country']);
    expect(found(m, 'Mercury rose.')).toEqual([]);
  });

  it('prefers an earlier mention over priority', () => {
    expect(found(m, 'Washington said.')).toEqual(['Washington=dc']);
    expect(found(m, 'George Washington crossed. Washington said.')).toEqual(['George Washington=gw', 'Washington=gw']);
  });

  it('keeps state across feed() calls, and reset() clears it', () => {
    const doc = createDocumentRecognizer(m);
    expect(doc.feed('Kim smiled.')).toEqual([]);
    expect(doc.feed('Kim Yo-jong, his sister, spoke.').map((x) => x.entityId)).toEqual(['kyj']);
    const later = doc.feed('Kim warned Seoul.');
    expect(later).toEqual([{ start: 0, end: 3, entityId: 'kyj', category: 'person', via: 'coref' }]);
    expect([...doc.seen()]).toEqual([['kyj', 2]]);
    doc.reset();
    expect(doc.feed('Kim warned Seoul.')).toEqual([]);
    expect(doc.seen().size).toBe(0);
  });

  it('counts mentions per entity', () => {
    const doc = createDocumentRecognizer(m);
    doc.feed('Assad and Bashar al-Assad.');
    doc.feed('Georgia.');
    expect(doc.seen()).toEqual(new Map([['assad', 2], ['ga-country', 1]]));
  });

  it('does not let a coreferent mention become an antecedent', () => {
    const doc = createDocumentRecognizer(m);
    doc.feed('Kim Jong-il. Kim Jong-un.');
    doc.feed('Kim left.');
    expect(doc.feed('Kim Jong-il died. Kim').map((x) => x.entityId)).toEqual(['kji', 'kji']);
  });
});
