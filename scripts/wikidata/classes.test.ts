import { classify, CLASS_CATEGORIES } from './classes';

describe('classify', () => {
  it('maps direct classes', () => {
    expect(classify(['Q5'], [], CLASS_CATEGORIES)).toBe('person');
    expect(classify(['Q3624078'], [], CLASS_CATEGORIES)).toBe('place');
    expect(classify(['Q7366'], [], CLASS_CATEGORIES)).toBeUndefined();
  });

  it('prefers a specific class over a broad one at the same distance', () => {
    expect(classify(['Q1190554', 'Q178561'], [], CLASS_CATEGORIES)).toBe('event');
    expect(classify(['Q43229', 'Q5'], [], CLASS_CATEGORIES)).toBe('person');
  });

  it('tries P31 before the item’s own P279', () => {
    expect(classify(['Q5'], ['Q728'], CLASS_CATEGORIES)).toBe('person');
    expect(classify([], ['Q728'], CLASS_CATEGORIES)).toBe('weapon');
  });

  it('walks subclass edges up to the depth limit, without looping', () => {
    const parents = new Map([
      ['Qa', ['Qb']],
      ['Qb', ['Qc']],
      ['Qc', ['Qa', 'Q728']],
    ]);
    expect(classify(['Qa'], [], CLASS_CATEGORIES, parents)).toBe('weapon');
    expect(classify(['Qa'], [], CLASS_CATEGORIES, parents, 2)).toBeUndefined();
    expect(classify(['Qa'], [], CLASS_CATEGORIES, new Map([['Qa', ['Qa']]]))).toBeUndefined();
  });
});
