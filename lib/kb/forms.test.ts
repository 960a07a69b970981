import { formsFromEntities } from './forms';
import { entity } from './test-entities';

describe('formsFromEntities', () => {
  it('maps aliases with their case, kind, category and the entity priority', () => {
    const e = entity('Q30', {
      category: 'place',
      name: 'United States',
      priority: 40,
      aliases: [
        { text: 'United States', lang: 'en', case: 'exact', kind: 'name' },
        { text: 'US', lang: 'en', case: 'exact', kind: 'acronym' },
        { text: 'American', lang: 'en', case: 'exact', kind: 'demonym' },
      ],
    });
    expect(formsFromEntities([e])).toEqual([
      { text: 'United States', entityId: 'Q30', category: 'place', case: 'exact', kind: 'name', priority: 40 },
      { text: 'US', entityId: 'Q30', category: 'place', case: 'exact', kind: 'acronym', priority: 40 },
      { text: 'American', entityId: 'Q30', category: 'place', case: 'exact', kind: 'demonym', priority: 40 },
    ]);
  });

  it('adds the display name as an exact name when no alias covers it', () => {
    const e = entity('Q1', { name: 'Sergei Shoigu', aliases: [{ text: 'Shoigu', lang: 'en', case: 'exact', kind: 'short' }] });
    const forms = formsFromEntities([e]);
    expect(forms.map((f) => [f.text, f.kind, f.case])).toEqual([
      ['Shoigu', 'short', 'exact'],
      ['Sergei Shoigu', 'name', 'exact'],
    ]);
  });

  it('treats a fold alias equal ignoring case as covering the name', () => {
    const e = entity('Q2', { name: 'Cold War', aliases: [{ text: 'cold war', lang: 'en', case: 'fold', kind: 'name' }] });
    expect(formsFromEntities([e]).map((f) => f.text)).toEqual(['cold war']);
    // An exact alias in another case does not cover it.
    const f = entity('Q3', { name: 'Cold War', aliases: [{ text: 'COLD WAR', lang: 'en', case: 'exact', kind: 'name' }] });
    expect(formsFromEntities([f]).map((x) => x.text)).toEqual(['COLD WAR', 'Cold War']);
  });

  it('compares the name with aliases after Unicode normalization', () => {
    const e = entity('Q4', { name: 'Zelensky\u0301', aliases: [{ text: 'Zelensk\u00fd', lang: 'en', case: 'exact', kind: 'name' }] });
    // "y" + combining acute is "ý" in NFC, so the alias covers the name.
    expect(formsFromEntities([e])).toHaveLength(1);
  });

  it('emits identical (text, entity) pairs once, first one wins', () => {
    const e = entity('Q5', {
      name: 'Kim Jong Un',
      aliases: [
        { text: 'Kim', lang: 'en', case: 'exact', kind: 'surname' },
        { text: 'Kim', lang: 'ko', case: 'fold', kind: 'name' },
      ],
    });
    const forms = formsFromEntities([e]);
    expect(forms.filter((f) => f.text === 'Kim')).toEqual([
      { text: 'Kim', entityId: 'Q5', category: 'person', case: 'exact', kind: 'surname', priority: 0 },
    ]);
  });

  it('keeps the same text for different entities', () => {
    const a = entity('Q6', { aliases: [{ text: 'Park', lang: 'en', case: 'exact', kind: 'surname' }] });
    const b = entity('Q7', { aliases: [{ text: 'Park', lang: 'en', case: 'exact', kind: 'surname' }] });
    const forms = formsFromEntities([a, b]).filter((f) => f.text === 'Park');
    expect(forms.map((f) => f.entityId)).toEqual(['Q6', 'Q7']);
  });
});
