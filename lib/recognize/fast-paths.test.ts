import { describe, expect, it } from 'vitest';
import { CompiledMatcher } from './compile.ts';
import { compileMatcher, deserializeMatcher, type Matcher, recognize, serializeMatcher } from './index.ts';
import { mulberry32 } from './seeded-random.ts';
import { lowerStartKeys, skipRegExp } from './lower-starts.ts';
import { V_LOWER_START, Vocab } from './tables.ts';
import { form, found } from './test-util.ts';
import type { SurfaceForm } from './types.ts';

/** A matcher that never uses the skip RegExp (the word-by-word paths only). */
class NoRegExp extends CompiledMatcher {
  override skipRegExp(): RegExp | null {
    return null;
  }
}

/**
 * The same matcher with the lower-case fast paths switched off: every word is in the
 * lower-start set, every token may start a walk and there is no skip RegExp, so nothing is
 * stepped over or pruned.
 */
function withoutSkipping(m: Matcher): CompiledMatcher {
  if (!(m instanceof CompiledMatcher)) throw new TypeError('not compiled');
  const parts = m.vocab.parts();
  const flags = parts.flags.map((f) => f | V_LOWER_START);
  return new NoRegExp({
    ...m, vocab: Vocab.fromParts({ ...parts, flags }), lowerStarts: new Int32Array(m.lowerStarts.length).fill(-1),
  });
}

/** The same matcher with only the skip RegExp switched off. */
function withoutRegExp(m: Matcher): CompiledMatcher {
  if (!(m instanceof CompiledMatcher)) throw new TypeError('not compiled');
  return new NoRegExp(m);
}

const FORMS: SurfaceForm[] = [
  form('cold war', 'coldwar', { case: 'fold', category: 'event' }),
  form('al-Assad', 'assad'), form('the Taliban', 'taliban', { category: 'organization' }),
  form('Security Council', 'unsc', { category: 'organization' }), form('38 North', '38north', { category: 'organization' }),
  form('Zoë Baird', 'baird'), form('zoë', 'zoe-fold', { case: 'fold' }), form('aba', 'aba', { case: 'fold' }),
  form('Ministry of Defence', 'mod', { category: 'organization' }), form('Kim', 'kju', { kind: 'surname' }),
  form('Kim Jong Un', 'kju'), form('金正恩', 'kju'), form('Shahed', 'shahed', { category: 'weapon' }),
  form('F-16', 'f16', { category: 'weapon' }), form('war in Gaza', 'gazawar', { category: 'event' }),
];

describe('lower-case fast paths', () => {
  const m = compileMatcher(FORMS);

  it('still finds names that may be written in lower case', () => {
    expect(found(m, 'after the cold war ended')).toEqual(['cold war=coldwar']);
    expect(found(m, 'talks with al-Assad and the Taliban')).toEqual(['al-Assad=assad', 'the Taliban=taliban']);
    expect(found(m, 'since the war in Gaza began')).toEqual(['war in Gaza=gazawar']);
  });

  it('keeps the case rules of exact names', () => {
    expect(found(m, 'a security council met; the Security Council met')).toEqual(['Security Council=unsc']);
    expect(found(m, 'officials of the ministry of defence and the Ministry of Defence')).toEqual(['Ministry of Defence=mod']);
  });

  it('scans in full a lower-case word that goes on past ASCII', () => {
    expect(found(m, 'we met zoë today')).toEqual(['zoë=zoe-fold']);
    expect(found(m, 'we met zoe\u0308 today')).toEqual(['zoe\u0308=zoe-fold']);
    expect(found(m, 'see ab\u{1d400} here')).toEqual(['ab\u{1d400}=aba']);
    expect(found(m, 'see abc\u{1d400} here and ab\u00adA')).toEqual(['ab\u00adA=aba']);
  });

  it('treats digits glued to a stepped-over word as part of it', () => {
    expect(found(m, 'abc38 North')).toEqual([]);
    expect(found(m, 'abc 38 North')).toEqual(['38 North=38north']);
    expect(found(m, 'two F-16s and Shaheds')).toEqual(['F-16s=f16', 'Shaheds=shahed']);
  });

  it('finds CJK names right after a lower-case word', () => {
    expect(found(m, 'said金正恩 and the 金正恩')).toEqual(['金正恩=kju', '金正恩=kju']);
  });

  it('keeps coreference across stepped-over words', () => {
    expect(found(m, 'Kim Jong Un spoke; later the officials said Kim left')).toEqual(['Kim Jong Un=kju', 'Kim=kju']);
  });

  it('survives serialization', () => {
    const r = deserializeMatcher(serializeMatcher(m), { trusted: true });
    expect(found(r, 'after the cold war, al-Assad and the Taliban')).toEqual(['cold war=coldwar', 'al-Assad=assad', 'the Taliban=taliban']);
  });

  it('steps over runs of words with the RegExp but stops where a name may start', () => {
    const re = skipRegExp(['the$', 'cold$', 'zoe$', 'abcd'], [0x20, 0x2c, 0x2019]);
    const end = (t: string): number => {
      re.lastIndex = 0;
      return re.test(t) ? re.lastIndex : 0;
    };
    expect(end('said officials, then the Taliban')).toBe('said officials, then '.length);
    expect(end('iPhone sales’ cold war')).toBe('iPhone sales’ '.length);
    expect(end('their coldest abc abcdef')).toBe('their coldest abc '.length);
    // A word that goes on past ASCII or into digits is left to the scanner.
    expect(end('met zoë')).toBe('met '.length);
    expect(end('see abc38 North')).toBe('see '.length);
    expect(end('in 38 North')).toBe('in '.length);
    expect(end('x\u0301 y')).toBe(0);
    expect(end('said.')).toBe(0);
    expect(end('said')).toBe(4);
  });

  it('lists only all-ASCII lower-start tokens, cut to their prefix', () => {
    // al-Assad is also indexed joined (alassad); the Cyrillic fold form cannot be a skipped word.
    const m = compileMatcher([...FORMS, form('zaporizhzhia', 'zap', { case: 'fold' }), form('киев', 'kyiv', { case: 'fold' })]);
    if (!(m instanceof CompiledMatcher)) throw new TypeError('not compiled');
    const ids: number[] = [];
    for (let id = 0; id < m.vocab.size; id++) if (m.vocab.flags[id]! & V_LOWER_START) ids.push(id);
    expect(lowerStartKeys(m.vocab, ids, ids.length).sort()).toEqual(['aba$', 'al$', 'alas', 'cold$', 'the$', 'war$', 'zapo', 'zoe$']);
  });

  it('finds names after runs the RegExp steps over, in every script', () => {
    const forms = [
      ...FORMS, form('Киев', 'kyiv', { category: 'place' }), form('서울', 'seoul', { category: 'place' }),
      form('𝐀lpha Base', 'alpha'), form('mossad', 'mossad', { case: 'fold', category: 'organization' }),
      form('(Hamas)', 'hamas-paren', { category: 'organization' }),
    ];
    const m = compileMatcher(forms);
    const text = 'officials said, in talks — “the cold war” and mossad’s 38 North report — that 金正恩 met ' +
      'troops in Киеве and 서울에서 near 𝐀lpha Base; ministers said abc38 North and the Taliban’s F-16s, officials said (Hamas)';
    const want = [
      'cold war=coldwar', 'mossad=mossad', '38 North=38north', '金正恩=kju', 'Киеве=kyiv', '서울=seoul', '𝐀lpha Base=alpha',
      'the Taliban=taliban', 'F-16s=f16', '(Hamas)=hamas-paren',
    ];
    expect(found(m, text)).toEqual(want);
    expect(found(withoutRegExp(m), text)).toEqual(want);
    expect(recognize(m, text)).toEqual(recognize(withoutSkipping(m), text));
  });

  it('gives the same mentions as a scan that steps over nothing (seeded fuzz)', () => {
    const r = mulberry32(42);
    const pieces = [
      ...FORMS.flatMap((f) => [f.text, f.text.toLowerCase(), f.text.toUpperCase()]),
      'the', 'of', 'war', 'said', 'in', 'security', 'council', 'abc', 'x', ',', '.', "'s", '’s', 's', '38', '2', '-', '—',
      ' ', ' ', ' ', '\n', '\n\n', 'é', '\u0301', '\u00ad', '\u{1d400}', '金', '正恩', '서울', 'Киев', '😀', 'ﬁ',
    ];
    const plain = withoutSkipping(m);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const len = 5 + Math.floor(r() * 60);
      for (let k = 0; k < len; k++) {
        text += pieces[Math.floor(r() * pieces.length)]!;
        if (r() < 0.6) text += ' ';
      }
      expect(recognize(m, text), text).toEqual(recognize(plain, text));
    }
  });
});
