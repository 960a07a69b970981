import { describe, expect, it } from 'vitest';
import { compileMatcher, recognize, type SurfaceForm } from './index.ts';
import { form, found } from './test-util.ts';

describe('compileMatcher', () => {
  it('counts the forms it can match and drops the rest', () => {
    const m = compileMatcher([
      form('Putin', 'putin'), form('金', 'kim'), form('', 'empty'), form('...', 'dots'), form('F-35戦闘機', 'mixed'),
      form('Vladimir\n\nPutin', 'broken'), form('プーチン', 'putin'),
    ]);
    // '...' is a token sequence of its own and stays; the bare 金, the empty form, the mixed
    // Latin/Han form and the form spanning a paragraph break cannot match and are dropped.
    expect(m.formCount).toBe(3);
    expect(found(m, 'Putin and プーチン')).toEqual(['Putin=putin', 'プーチン=putin']);
  });

  it('rejects matchers that did not come from compileMatcher', () => {
    expect(() => recognize({ formCount: 0 }, 'x')).toThrow(TypeError);
  });

  it('shares one matcher between independent documents', () => {
    const m = compileMatcher([form('Kim Jong-un', 'kju'), form('Kim', 'kju', { kind: 'surname' })]);
    expect(found(m, 'Kim Jong-un. Kim.')).toEqual(['Kim Jong-un=kju', 'Kim=kju']);
    expect(found(m, 'Kim.')).toEqual([]);
  });

  it('compiles 100,000 forms and finds any of them', () => {
    const syl = ['ka', 'ro', 'vin', 'tel', 'sa', 'mar', 'ol', 'dre', 'ush', 'ben', 'qi', 'lo', 'zan', 'pet'];
    // Five base-14 syllables give every index its own pseudo-word.
    const word = (k: number): string => {
      let s = '';
      for (let d = 0; d < 5; d++, k = Math.floor(k / syl.length)) s += syl[k % syl.length]!;
      return s[0]!.toUpperCase() + s.slice(1);
    };
    const forms: SurfaceForm[] = [];
    for (let i = 0; i < 100_000; i++) {
      const text = `${word(i)} ${word((i * 7 + 3) % 500_000)}${i % 3 === 0 ? '-' + word((i * 13 + 5) % 500_000) : ''}`;
      forms.push(form(text, `e${i}`, { case: i % 5 === 0 ? 'fold' : 'exact' }));
    }
    const m = compileMatcher(forms);
    expect(m.formCount).toBe(100_000);
    for (const i of [0, 1, 4999, 54321, 99_999]) {
      const f = forms[i]!;
      expect(found(m, `Yesterday ${f.text} said.`)).toEqual([`${f.text}=${f.entityId}`]);
    }
  });
});
