import { describe, expect, it } from 'vitest';
import { foldString, normString } from './char-class.ts';
import { compileMatcher, recognize } from './index.ts';
import { form, found } from './test-util.ts';

describe('normalization', () => {
  it('folds diacritics and letters NFD does not decompose', () => {
    expect(foldString('Nicolás Łódź Ørsted Đoković Straße Æsir Ёлкин')).toBe('nicolas lodz orsted dokovic strasse aesir елкин');
    expect(normString('Nicolás Ørsted')).toBe('Nicolas Orsted');
  });

  it('matches full-width NATO (NFKC) and keeps offsets in the original text', () => {
    const m = compileMatcher([form('NATO', 'nato', { category: 'organization', kind: 'acronym' })]);
    const text = 'Ｔｈｅ ＮＡＴＯ summit';
    const [x] = recognize(m, text);
    expect(x).toMatchObject({ start: 4, end: 8, entityId: 'nato' });
  });

  it('keeps offsets right after characters whose lower case changes length', () => {
    const m = compileMatcher([form('Istanbul', 'ist', { category: 'place', case: 'fold' }), form('Erdogan', 'erd')]);
    const text = 'İİİ İstanbul and Erdoğan';
    expect(found(m, text)).toEqual(['İstanbul=ist', 'Erdoğan=erd']);
    expect(recognize(m, text)[0]).toMatchObject({ start: 4, end: 12 });
  });

  it('matches decomposed accents and covers the combining mark', () => {
    const m = compileMatcher([form('Nicolás Maduro', 'maduro')]);
    const text = 'Nicola\u0301s Maduro spoke';
    expect(recognize(m, text)[0]).toMatchObject({ start: 0, end: 15 });
    expect(found(m, 'Nicolas Maduro')).toEqual(['Nicolas Maduro=maduro']);
  });

  it('treats ł ø đ ß æ ё like their base letters in both directions', () => {
    const m = compileMatcher([
      form('Lodz', 'lodz', { category: 'place' }), form('Ørsted', 'orsted', { category: 'organization' }),
      form('Dokovic', 'djokovic'), form('Strasse', 'str', { category: 'place' }), form('Æsir', 'aesir'), form('Хрущёв', 'khr'),
    ]);
    expect(found(m, 'Łodz, Orsted, Đoković, Straße, Aesir, Хрущев')).toEqual([
      'Łodz=lodz', 'Orsted=orsted', 'Đoković=djokovic', 'Straße=str', 'Aesir=aesir', 'Хрущев=khr',
    ]);
  });

  it('treats every dash (U+2010-2015, U+2212, hyphen-minus) alike inside names', () => {
    const m = compileMatcher([form('Kim Jong-un', 'kju')]);
    for (const d of ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']) {
      expect(found(m, `Kim Jong${d}un`)).toEqual([`Kim Jong${d}un=kju`]);
    }
  });

  it('ignores soft hyphens inside words', () => {
    const m = compileMatcher([form('Zelensky', 'zel')]);
    expect(found(m, 'Zel\u00ADen\u00ADsky said')).toEqual(['Zel\u00ADen\u00ADsky=zel']);
  });

  it('treats curly and straight apostrophes alike', () => {
    const m = compileMatcher([form("Côte d'Ivoire", 'ci', { category: 'place' }), form('O’Brien', 'ob')]);
    expect(found(m, 'Côte d’Ivoire and O\'Brien')).toEqual(['Côte d’Ivoire=ci', "O'Brien=ob"]);
  });

  it('treats NBSP, other spaces and line breaks inside a name as one space', () => {
    const m = compileMatcher([form('Vladimir Putin', 'putin')]);
    for (const sp of ['\u00a0', '\u2009', '\u202f', '\n', '\r\n', '  ', '\u3000']) {
      expect(found(m, `Vladimir${sp}Putin`)).toEqual([`Vladimir${sp}Putin=putin`]);
    }
    expect(found(m, 'Vladimir\n\nPutin')).toEqual([]);
  });

  it('makes hyphen, space and nothing equivalent inside names', () => {
    const m = compileMatcher([form('Kim Jong-un', 'kju'), form('Geran-2', 'geran', { category: 'weapon' })]);
    expect(found(m, 'Kim Jong Un, Kim Jongun, Kim Jong-un')).toEqual(['Kim Jong Un=kju', 'Kim Jongun=kju', 'Kim Jong-un=kju']);
    expect(found(m, 'Geran-2 Geran 2 Geran2 Geran–2')).toEqual(['Geran-2=geran', 'Geran 2=geran', 'Geran2=geran', 'Geran–2=geran']);
    const spaced = compileMatcher([form('Geran 2', 'geran', { category: 'weapon' })]);
    expect(found(spaced, 'Geran2 and Geran-2')).toEqual(['Geran2=geran', 'Geran-2=geran']);
  });

  it('does not read a digit glued to a name as a separate name', () => {
    const m = compileMatcher([form('Shahed', 'shahed', { category: 'organization' })]);
    expect(found(m, 'Shahed136 and Shahed-136')).toEqual(['Shahed-136'.slice(0, 6) + '=shahed']);
  });
});
