/**
 * Per-code-point character classes and folding, shared by the text scanner and the form
 * compiler so that both sides normalize identically. Tables are filled lazily: a page only
 * pays for the characters it actually contains.
 */

// Character classes. The scanner's hot loop compares against these numbers.
export const C_UNKNOWN = 0;
export const C_SPACE = 1;
export const C_LINEBREAK = 2;
export const C_DASH = 3;
export const C_APOS = 4;
export const C_PUNCT = 5;
export const C_LETTER = 6;
export const C_DIGIT = 7;
export const C_MARK = 8;
export const C_IGNORE = 9;
export const C_HANGUL = 10;
/** Scripts written without spaces (Han, kana, Thai...): matched by characters. */
export const C_NOSPACE = 11;
/** Lone surrogates and control characters: a hard break. */
export const C_BREAK = 12;
/** Added to C_LETTER for Cyrillic letters (inflection stems). */
export const CYR_BIT = 16;
/** Set when the fold of a BMP code point is exactly one UTF-16 unit (kept in FOLD16). */
const SINGLE_BIT = 32;
export const CLASS_MASK = 15;

const APOSTROPHES = new Set([0x27, 0x60, 0xb4, 0x2018, 0x2019, 0x201b, 0x2032, 0x02bc, 0x02bb, 0xff07]);
const MIDDLE_DOTS = new Set([0xb7, 0x2027, 0x30fb, 0xff65]);
const NOSPACE_EXTRA = new Set([0x30fc, 0x3005, 0x3006, 0x303b, 0x309d, 0x309e, 0x30fd, 0x30fe, 0xff70]);

// Diacritics and pointing that never distinguish names in the news (Latin, Greek, Cyrillic
// accents and stress marks, Hebrew niqqud, Arabic harakat). Marks of Indic scripts, Thai
// or kana voicing are not in this list: they change the letter.
const STRIP_RANGES = [
  0x0300, 0x036f, 0x0483, 0x0489, 0x0591, 0x05bd, 0x05bf, 0x05bf, 0x05c1, 0x05c2, 0x05c4, 0x05c5, 0x05c7, 0x05c7,
  0x0610, 0x061a, 0x064b, 0x065f, 0x0670, 0x0670, 0x06d6, 0x06dc, 0x06df, 0x06e4, 0x06e7, 0x06e8, 0x06ea, 0x06ed,
  0x1ab0, 0x1aff, 0x1dc0, 0x1dff, 0x20d0, 0x20ff, 0xfe20, 0xfe2f,
];

function stripMarks(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let strip = false;
    for (let r = 0; r < STRIP_RANGES.length && !strip; r += 2) strip = c >= STRIP_RANGES[r]! && c <= STRIP_RANGES[r + 1]!;
    if (!strip) out += s[i];
  }
  return out;
}

// Letters that NFD does not decompose but readers treat as their base letter.
const SPECIAL: Record<string, string> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ß: 'ss', ẞ: 'SS',
  æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H',
  ŧ: 't', Ŧ: 'T', ŀ: 'l', Ŀ: 'L', ς: 'σ',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'gu');

const KANA = /[\u3040-\u30ff]/g;
const RE_HANGUL = /\p{Script=Hangul}/u;
const RE_NOSPACE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Bopomofo}\p{Script=Yi}\p{Script=Tangut}]/u;
const RE_CYRILLIC = /\p{Script=Cyrillic}/u;
const RE_LETTER = /\p{L}/u;
const RE_DIGIT = /\p{N}/u;
const RE_MARK = /\p{M}/u;
const RE_FORMAT = /\p{Cf}/u;
const RE_DASH = /[\p{Pd}\u2212\u2043]/u;
const RE_LINEBREAK = /[\n\r\v\f\u0085\u2028\u2029]/;
const RE_SPACE = /[\s\p{Z}]/u;
const RE_CONTROL = /\p{Cc}/u;

/** Case-preserving normalization of a string: NFKC, diacritics stripped, special letters. */
export function normString(s: string): string {
  let t = stripMarks(s.normalize('NFKC').normalize('NFD'));
  t = t.replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch);
  // Kana stay decomposed so that half-width ﾌﾟ (two code points) equals プ.
  return t.normalize('NFC').replace(KANA, (ch) => ch.normalize('NFD'));
}

/** Case-folded normalization of a string (the key the tries are built on). */
export function foldString(s: string): string {
  return normString(normString(s).toLowerCase());
}

function computeClass(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return C_BREAK;
  if (cp === 0x200b) return C_SPACE;
  if (cp === 0x00ad) return C_IGNORE;
  const ch = String.fromCodePoint(cp);
  if (RE_LINEBREAK.test(ch)) return C_LINEBREAK;
  if (RE_SPACE.test(ch)) return C_SPACE;
  if (RE_CONTROL.test(ch)) return C_BREAK;
  if (RE_FORMAT.test(ch) || cp === 0x0640 || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) {
    return C_IGNORE;
  }
  if (RE_DASH.test(ch)) return C_DASH;
  if (APOSTROPHES.has(cp)) return C_APOS;
  if (MIDDLE_DOTS.has(cp) || NOSPACE_EXTRA.has(cp)) return C_NOSPACE;
  if (RE_MARK.test(ch)) return C_MARK;
  const k = ch.normalize('NFKC');
  const first = k.codePointAt(0);
  if (first === undefined) return C_IGNORE;
  const fc = String.fromCodePoint(first);
  if (RE_MARK.test(fc)) return C_MARK;
  if (RE_HANGUL.test(fc)) return C_HANGUL;
  if (RE_NOSPACE.test(fc)) return C_NOSPACE;
  if (RE_LETTER.test(fc)) return RE_CYRILLIC.test(fc) ? C_LETTER | CYR_BIT : C_LETTER;
  if (RE_DIGIT.test(fc)) return C_DIGIT;
  if (RE_DASH.test(fc)) return C_DASH;
  if (RE_SPACE.test(fc)) return C_SPACE;
  return C_PUNCT;
}

function computeFold(cp: number, cls: number): string {
  const c = cls & CLASS_MASK;
  if (c === C_APOS) return "'";
  if (c === C_DASH) return '-';
  if (c === C_SPACE || c === C_LINEBREAK || c === C_BREAK || c === C_IGNORE) return '';
  if (MIDDLE_DOTS.has(cp)) return '\u30fb';
  return foldString(String.fromCodePoint(cp));
}

/** ASCII classes and folds, filled eagerly (the hot loop reads them directly). */
export const ASCII_CLASS = new Uint8Array(128);
export const ASCII_FOLD = new Uint16Array(128);
for (let c = 0; c < 128; c++) {
  let k: number;
  if (c >= 0x61 && c <= 0x7a) k = C_LETTER;
  else if (c >= 0x41 && c <= 0x5a) k = C_LETTER;
  else if (c >= 0x30 && c <= 0x39) k = C_DIGIT;
  else if (c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c) k = C_LINEBREAK;
  else if (c === 0x20 || c === 0x09) k = C_SPACE;
  else if (c < 0x20 || c === 0x7f) k = C_BREAK;
  else if (c === 0x2d) k = C_DASH;
  else if (c === 0x27 || c === 0x60) k = C_APOS;
  else k = C_PUNCT;
  ASCII_CLASS[c] = k;
  ASCII_FOLD[c] = k === C_APOS ? 0x27 : c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

// BMP tables: class (0 = not computed yet, SINGLE_BIT when FOLD16 holds the fold) + fold unit.
const CLASS16 = new Uint8Array(65536);
const FOLD16 = new Uint16Array(65536);
const FOLD_MULTI = new Map<number, string>();
const ASTRAL_CLASS = new Map<number, number>();

function fill16(cp: number): number {
  const cls = computeClass(cp);
  const f = computeFold(cp, cls);
  let stored = cls;
  if (f.length === 1) {
    FOLD16[cp] = f.charCodeAt(0);
    stored |= SINGLE_BIT;
  } else {
    FOLD_MULTI.set(cp, f);
  }
  CLASS16[cp] = stored;
  return stored;
}

/** Class of a code point (one of the C_* constants, possibly with CYR_BIT). */
export function classOf(cp: number): number {
  if (cp < 0x80) return ASCII_CLASS[cp]!;
  if (cp < 0x10000) {
    const s = CLASS16[cp]!;
    return (s === 0 ? fill16(cp) : s) & ~SINGLE_BIT;
  }
  let s = ASTRAL_CLASS.get(cp);
  if (s === undefined) {
    s = computeClass(cp);
    ASTRAL_CLASS.set(cp, s);
    FOLD_MULTI.set(cp, computeFold(cp, s));
  }
  return s;
}

/**
 * The fold of a BMP letter other than Cyrillic when it is exactly one UTF-16 unit (é -> e,
 * ø -> o), else -1 (build time: forms of such letters take the lean tokenizer, form-tokens.ts).
 */
export function plainLetterFold(cp: number): number {
  if (cp < 0x80 || cp >= 0x10000 || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  let s = CLASS16[cp]!;
  if (s === 0) s = fill16(cp);
  return (s & ~SINGLE_BIT) === C_LETTER && (s & SINGLE_BIT) !== 0 ? FOLD16[cp]! : -1;
}

/**
 * Appends the fold of `cp` to `out` starting at `pos`; returns the new position. Writes
 * nothing past `limit` (the caller treats such a token as too long to be a name).
 */
export function appendFold(cp: number, out: Uint16Array, pos: number, limit: number): number {
  if (cp < 0x10000) {
    let s = CLASS16[cp]!;
    if (s === 0) s = fill16(cp);
    if ((s & SINGLE_BIT) !== 0) {
      if (pos < limit) out[pos] = FOLD16[cp]!;
      return pos + 1;
    }
  } else {
    classOf(cp);
  }
  const f = FOLD_MULTI.get(cp) ?? '';
  for (let j = 0; j < f.length; j++) {
    if (pos + j < limit) out[pos + j] = f.charCodeAt(j);
  }
  return pos + f.length;
}

/** Fold of one code point as a string (build time and case checks only). */
export function foldOf(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(ASCII_FOLD[cp]!);
  if (cp < 0x10000) {
    let s = CLASS16[cp]!;
    if (s === 0) s = fill16(cp);
    if ((s & SINGLE_BIT) !== 0) return String.fromCharCode(FOLD16[cp]!);
  } else {
    classOf(cp);
  }
  return FOLD_MULTI.get(cp) ?? '';
}

const NORM_CACHE = new Map<number, string>();
/** Case-preserving normalization of one code point ('' for ignorable and stripped marks). */
export function normOf(cp: number): string {
  if (cp < 0x80) return ASCII_CLASS[cp] === C_APOS ? "'" : String.fromCharCode(cp);
  let s = NORM_CACHE.get(cp);
  if (s === undefined) {
    const cls = classOf(cp) & CLASS_MASK;
    if (cls === C_APOS || cls === C_DASH || cls === C_IGNORE || cls === C_SPACE || cls === C_LINEBREAK || cls === C_BREAK) {
      s = computeFold(cp, cls);
    } else if (MIDDLE_DOTS.has(cp)) {
      s = '\u30fb';
    } else {
      s = normString(String.fromCodePoint(cp));
    }
    NORM_CACHE.set(cp, s);
  }
  return s;
}

/** Concatenated fold of text[start, end) (build time and verification only). */
export function foldSpan(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    out += foldOf(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/** Concatenated case-preserving normalization of text[start, end). */
export function normSpan(text: string, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end && ascii; i++) {
    const c = text.charCodeAt(i);
    ascii = c < 0x80 && c !== 0x60;
  }
  if (ascii) return text.slice(start, end);
  let out = '';
  for (let i = start; i < end; ) {
    const cp = text.codePointAt(i)!;
    out += normOf(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}
