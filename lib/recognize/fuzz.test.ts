import { describe, expect, it } from 'vitest';
import { compileMatcher, createDocumentRecognizer, type Mention, recognize } from './index.ts';
import { mulberry32 as rng } from './seeded-random.ts';
import { form } from './test-util.ts';

// Pieces that stress the scanner: names, surrogates (astral letters and emoji), lone
// surrogates, combining marks, every dash, soft hyphen, RTL text and controls, CJK, Hangul.
const PIECES = [
  'Kim', 'Jong', '-un', 'Putin', "'s", '’s', 'Shaheds', 'Iran', 'U.S.', 'US', 'LET', '38', 'North', 'Geran', '2', '金正恩', '金',
  '서울', '에서', 'Киев', 'е', 'غزة', 'ירושלים', '\u200f', '\u202e', '\u0301', '\u0308', '\u0306', '\u00ad', '\u2010', '\u2011', '\u2014',
  '\u2212', '\u00a0', '\n', '\r\n', ' ', '  ', '.', ',', '(', ')', '😀', '👩‍👩‍👧', '𝐀', '𠀋', '\ud800', '\udc00', 'ｆｕｌｌ', 'İ', 'ß',
  'ﾌﾟ', 'プーチン', '㌀', '㍿', '\ufdfa', '\u0000', '\ufeff', 'Nicolás', 'Æ', '・', 'ー', '\u0e01\u0e34',
];

function randomText(r: () => number, len: number): string {
  let s = '';
  while (s.length < len) {
    const x = r();
    if (x < 0.7) s += PIECES[Math.floor(r() * PIECES.length)];
    else if (x < 0.9) s += String.fromCharCode(Math.floor(r() * 0x10000));
    else s += String.fromCodePoint(0x10000 + Math.floor(r() * 0x30000));
  }
  return s;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function checkMentions(text: string, xs: Mention[]): void {
  let prevEnd = 0;
  for (const x of xs) {
    expect(Number.isInteger(x.start) && Number.isInteger(x.end)).toBe(true);
    expect(x.start).toBeGreaterThanOrEqual(prevEnd);
    expect(x.end).toBeGreaterThan(x.start);
    expect(x.end).toBeLessThanOrEqual(text.length);
    // Neither edge may fall between the halves of a surrogate pair.
    for (const p of [x.start, x.end]) {
      if (p > 0 && p < text.length) expect(isHigh(text.charCodeAt(p - 1)) && isLow(text.charCodeAt(p))).toBe(false);
    }
    prevEnd = x.end;
  }
}

describe('robustness (seeded fuzz)', () => {
  const m = compileMatcher([
    form('Kim Jong-un', 'kju'), form('Kim', 'kju', { kind: 'surname' }), form('Putin', 'putin'), form('Shahed', 'sh', { category: 'weapon' }),
    form('Iran', 'iran', { category: 'place', case: 'fold' }), form('U.S.', 'us', { category: 'place' }), form('US', 'us', { category: 'place' }),
    form('38 North', '38n'), form('Geran-2', 'g2', { category: 'weapon' }), form('金正恩', 'kju'), form('서울', 'seoul'),
    form('Киев', 'kyiv'), form('غزة', 'gaza'), form('プーチン', 'putin'), form('𝐀𠀋', 'astral'), form('Nicolás', 'nic'),
  ]);

  it('never throws and returns in-bounds, ordered, non-overlapping mentions', () => {
    const r = rng(12345);
    let total = 0;
    for (let i = 0; i < 400; i++) {
      const text = randomText(r, 1 + Math.floor(r() * 300));
      const xs = recognize(m, text);
      checkMentions(text, xs);
      total += xs.length;
    }
    expect(total).toBeGreaterThan(50);
  });

  it('survives chunked feeding of random text', () => {
    const r = rng(999);
    const doc = createDocumentRecognizer(m);
    for (let i = 0; i < 200; i++) {
      const text = randomText(r, Math.floor(r() * 120));
      checkMentions(text, doc.feed(text));
    }
  });

  it('handles empty, huge-token and pathological inputs', () => {
    expect(recognize(m, '')).toEqual([]);
    const long = 'a'.repeat(100_000) + ' Putin';
    expect(recognize(m, long)).toEqual([{ start: 100_001, end: 100_006, entityId: 'putin', category: 'person', via: 'direct' }]);
    const marks = 'Putin' + '\u0301'.repeat(1000);
    checkMentions(marks, recognize(m, marks));
    const lone = '\ud800Putin\udc00';
    expect(recognize(m, lone).map((x) => lone.slice(x.start, x.end))).toEqual(['Putin']);
  });
});

describe('character runs that expand under NFKC', () => {
  it('keeps offsets defined when compatibility characters fill a run', () => {
    const m = compileMatcher([form('アパート', 'apt'), form('株式会社', 'kk', { category: 'organization' })]);
    const text = '㌀'.repeat(50) + '株式会社';
    const xs = recognize(m, text);
    checkMentions(text, xs);
    expect(xs.at(-1)).toMatchObject({ start: 50, end: 54, entityId: 'kk' });
  });
});
