import { describe, expect, it } from 'vitest';
import { EdgeTable } from './edge-table.ts';
import { tokenizeSimpleForm } from './form-tokens.ts';
import { scanText } from './scan.ts';
import { mulberry32 } from './seeded-random.ts';
import { Vocab } from './tables.ts';
import { TokenBuffer } from './token-buffer.ts';

/** What the scanner reads in build mode (only the vocabulary matters for these forms). */
function buildLexicon(vocab: Vocab) {
  return {
    vocab, asciiPunct: new Int32Array(128).fill(-1), lowerStarts: new Int32Array(0), lowerShift: 0,
    skipRegExp: (): null => null, hasPluralStems: false, hasInflect: false, hasHangul: false, next: (): number => -1,
  };
}

function tokens(tb: TokenBuffer): number[][] {
  return Array.from({ length: tb.n }, (_, t) => [tb.start[t]!, tb.end[t]!, tb.id[t]!, tb.flags[t]!]);
}

function vocabWords(v: Vocab): string[] {
  return Array.from({ length: v.size }, (_, id) => v.textOf(id));
}

const pick = (xs: readonly string[], r: () => number): string => xs[Math.floor(r() * xs.length)]!;
const PIECES = ['Kim', 'Jong', 'un', 'F', '16', 'B52', 'al', 'Assad', 'UN', 'x', '38', 'North', 'é', 'Łódź', 'Øresund', 'Straße', 'e\u0301', 'Ĳ', 'ﬁ', '𝐀', '.', "'", '&', '金正恩', 'Киев', '서울', 'İstanbul'];
const SEPS = [' ', '-', '  ', ' - ', '\t', '', '\n', '–'];

describe('tokenizeSimpleForm', () => {
  it('gives the scanner’s tokens and vocabulary for plain forms, and refuses every other form untouched', () => {
    const r = mulberry32(11);
    const fast = new Vocab();
    const slow = new Vocab();
    const tbFast = new TokenBuffer();
    const tbSlow = new TokenBuffer();
    let simple = 0;
    for (let i = 0; i < 3000; i++) {
      let text = r() < 0.1 ? ' ' : '';
      const k = 1 + Math.floor(r() * 4);
      for (let j = 0; j < k; j++) text += (j ? pick(SEPS, r) : '') + pick(PIECES, r);
      if (r() < 0.1) text += '-';
      const size = fast.size;
      if (tokenizeSimpleForm(text, tbFast, fast)) {
        simple++;
        // Punctuation, line breaks, en dashes, marks, letters folding to 0 or 2+ units, astral
        // letters, Han, Cyrillic and Hangul are the scanner's.
        expect(/[.'&\n–ßĲﬁ\u{1D400}金Кк서]|\u0301/u.test(text), text).toBe(false);
      } else {
        expect(fast.size).toBe(size);
        scanText(text, tbFast, buildLexicon(fast), true);
      }
      scanText(text, tbSlow, buildLexicon(slow), true);
      expect(tokens(tbFast), text).toEqual(tokens(tbSlow));
    }
    expect(vocabWords(fast)).toEqual(vocabWords(slow));
    expect(simple).toBeGreaterThan(500);
  });

  it('marks letter/digit changes as joined and digit runs as digits', () => {
    const v = new Vocab();
    const tb = new TokenBuffer();
    expect(tokenizeSimpleForm('F-16s B52', tb, v)).toBe(true);
    expect(Array.from({ length: tb.n }, (_, t) => v.textOf(tb.id[t]!))).toEqual(['f', '16', 's', 'b', '52']);
    expect(tokenizeSimpleForm('Kim Jong.un', tb, v)).toBe(false);
  });
});

describe('build-time tables', () => {
  it('Vocab.insertJoined gives the id of the spelled-out token', () => {
    const v = new Vocab();
    const ids = Int32Array.from(['jong', 'un', 'kim'].map((w) => v.insertString(w)));
    const joined = v.insertJoined(ids, 0, 2);
    expect(v.textOf(joined)).toBe('jongun');
    expect(v.insertString('jongun')).toBe(joined);
    expect(v.insertJoined(ids, 0, 3)).toBe(v.lookupString('jongunkim'));
    expect(v.insertJoined(ids, 2, 3)).toBe(ids[2]);
  });

  it('EdgeTable.getOrAdd adds once and then finds, across growth', () => {
    const t = new EdgeTable(8);
    for (let i = 0; i < 500; i++) expect(t.getOrAdd(i % 50, i, 1000 + i)).toBe(1000 + i);
    for (let i = 0; i < 500; i++) {
      expect(t.getOrAdd(i % 50, i, -5)).toBe(1000 + i);
      expect(t.get(i % 50, i)).toBe(1000 + i);
    }
    expect(t.count).toBe(500);
    expect(t.get(7, 8)).toBe(-1);
  });
});
