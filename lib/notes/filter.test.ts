import { filterNotes, foldForSearch, groupNotes, matchesQuery, siteOf, sortNewestFirst } from './filter';
import { makeNote } from './test-notes';

describe('search', () => {
  const shoigu = makeNote({ text: 'Left the ministry', url: 'https://www.bbc.co.uk/news/1', title: 'Reshuffle in Moscow' });
  const kyiv = makeNote({ entityId: 'Q1899', entityName: 'Kyïv', category: 'place', text: 'Drone attack overnight', url: 'https://kyivindependent.com/x', title: 'Air raid' });
  const seoul = makeNote({ entityName: '서울', text: '회담', quote: { exact: 'SEOUL', prefix: '', suffix: '' }, url: 'https://yna.co.kr/a', title: 'Summit' });

  it('folds case and diacritics', () => {
    expect(foldForSearch('KYÏV Zürich')).toBe('kyiv zurich');
  });

  it('matches text, entity name, quote, title, URL and site', () => {
    expect(matchesQuery(shoigu, 'ministry')).toBe(true);
    expect(matchesQuery(shoigu, 'shoigu')).toBe(true);
    expect(matchesQuery(shoigu, 'reshuffle')).toBe(true);
    expect(matchesQuery(shoigu, 'bbc.co.uk')).toBe(true);
    expect(matchesQuery(kyiv, 'kyiv')).toBe(true);
    expect(matchesQuery(seoul, 'seoul')).toBe(true);
    expect(matchesQuery(seoul, '서울')).toBe(true);
    expect(matchesQuery(seoul, 'yna')).toBe(true);
  });

  it('needs every word, in any order', () => {
    expect(matchesQuery(kyiv, 'overnight drone')).toBe(true);
    expect(matchesQuery(kyiv, 'drone moscow')).toBe(false);
  });

  it('treats an empty or blank query as matching everything', () => {
    expect(filterNotes([shoigu, kyiv, seoul], '   ')).toEqual([shoigu, kyiv, seoul]);
    expect(filterNotes([shoigu, kyiv, seoul], 'air')).toEqual([kyiv]);
  });
});

describe('siteOf', () => {
  it('drops www. and tolerates bad URLs', () => {
    expect(siteOf('https://www.reuters.com/world')).toBe('reuters.com');
    expect(siteOf('not a url')).toBe('');
  });
});

describe('sortNewestFirst', () => {
  it('orders by createdAt descending, stable by id', () => {
    const a = makeNote({ id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
    const b = makeNote({ id: 'b', createdAt: '2026-03-01T00:00:00.000Z' });
    const c = makeNote({ id: 'c', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(sortNewestFirst([a, c, b]).map((n) => n.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('groupNotes', () => {
  const n1 = makeNote({ id: '1', entityId: 'Q1', entityName: 'Shoigu', url: 'https://a.example/p#top', title: 'Page A' });
  const n2 = makeNote({ id: '2', entityId: 'Q2', entityName: 'Kursk', category: 'place', url: 'https://b.example/q', title: '' });
  const n3 = makeNote({ id: '3', entityId: 'Q1', entityName: 'Shoigu', url: 'https://a.example/p', title: 'Page A' });

  it('groups by entity in order of first appearance', () => {
    const groups = groupNotes([n1, n2, n3], 'entity');
    expect(groups.map((g) => [g.label, g.category, g.notes.map((n) => n.id)])).toEqual([
      ['Shoigu', 'person', ['1', '3']],
      ['Kursk', 'place', ['2']],
    ]);
  });

  it('groups by page ignoring the fragment, labelled by title or URL', () => {
    const groups = groupNotes([n1, n2, n3], 'page');
    expect(groups.map((g) => [g.key, g.label, g.site, g.notes.map((n) => n.id)])).toEqual([
      ['https://a.example/p', 'Page A', 'a.example', ['1', '3']],
      ['https://b.example/q', 'https://b.example/q', 'b.example', ['2']],
    ]);
  });

  it('returns no groups for no notes', () => {
    expect(groupNotes([], 'entity')).toEqual([]);
  });
});
