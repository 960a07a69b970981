import { groupPageEntities } from './summary';

describe('groupPageEntities', () => {
  it('groups in category order, most mentioned first, skipping empty categories', () => {
    const groups = groupPageEntities([
      { id: 'Q1', name: 'Kursk', category: 'place', count: 2 },
      { id: 'Q2', name: 'Sergei Shoigu', category: 'person', count: 1 },
      { id: 'Q3', name: 'Kyiv', category: 'place', count: 5 },
      { id: 'Q4', name: 'Geran-2', category: 'weapon', count: 3 },
      { id: 'Q5', name: 'Belgorod', category: 'place', count: 2 },
    ]);
    expect(groups.map((g) => [g.category, g.mentions, g.entities.map((e) => e.name)])).toEqual([
      ['person', 1, ['Sergei Shoigu']],
      ['place', 9, ['Kyiv', 'Belgorod', 'Kursk']],
      ['weapon', 3, ['Geran-2']],
    ]);
  });

  it('returns nothing for an empty page', () => {
    expect(groupPageEntities([])).toEqual([]);
  });
});
