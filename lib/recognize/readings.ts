/**
 * Alternative readings of a word that can end a name: a weapon's plural ("Shaheds"), a
 * Korean particle (서울에서), a Russian case ending (Зеленским). Each reading is a vocabulary
 * id the trie walk may try for the last token of a match.
 */
import { foldOf } from './char-class.ts';
import { HASH_INIT, HASH_MUL, V_PLURAL_STEM, type Vocab } from './tables.ts';
import { A_INFLECT, A_PARTICLE, A_PLURAL, T_CYR, T_DIGIT, T_HANGUL, type TokenBuffer } from './token-buffer.ts';

/** What the scanner needs from a compiled matcher. */
export interface Lexicon {
  readonly vocab: Vocab;
  /** Token id of each single ASCII punctuation character, or -1. */
  readonly asciiPunct: Int32Array;
  /** The lower-start set (lower-starts.ts) and its key shift. */
  readonly lowerStarts: Int32Array;
  readonly lowerShift: number;
  /** The RegExp that steps over runs of words outside the lower-start set, or null (no skipping). */
  skipRegExp(): RegExp | null;
  /** Child of a token-trie node along a label, or -1 (the scanner tracks open walks with it). */
  next(node: number, label: number): number;
  readonly hasPluralStems: boolean;
  readonly hasInflect: boolean;
  readonly hasHangul: boolean;
}

/** Vocabulary flag: a Cyrillic stem that inflected text tokens may reduce to. */
export const V_INFLECT_STEM = 2;

/** Korean particles that may follow a name (서울에서 -> 서울), longest first. */
export const HANGUL_PARTICLES = [
  '에서는', '으로는', '이라는', '에게서', '에서의', '으로서', '까지', '부터', '에서', '에게', '께서', '으로',
  '처럼', '보다', '라는', '과의', '와의', '에는', '로는', '이나', '이랑', '한테', '은', '는', '이', '가', '을',
  '를', '의', '에', '와', '과', '도', '로', '만', '께', '나', '랑',
];

/**
 * Russian/Ukrainian case endings a text token may carry beyond a name's stem, in folded form
 * (й folds to и, so -ой is written -ои).
 */
export const CYRILLIC_ENDINGS = [
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ои', 'еи', 'ии', 'ыи', 'ом', 'ем', 'ым', 'им', 'ую', 'юю',
  'ая', 'яя', 'ое', 'ее', 'ых', 'их', 'ах', 'ях', 'ам', 'ям', 'ов', 'ев', 'ы', 'и', 'а', 'я', 'у', 'ю', 'е',
  'і', 'ї', 'о',
];

function endsWith(buf: Uint16Array, len: number, suffix: string): boolean {
  const m = suffix.length;
  if (m >= len) return false;
  for (let j = 0; j < m; j++) if (buf[len - m + j] !== suffix.charCodeAt(j)) return false;
  return true;
}

export function hashPrefix(buf: Uint16Array, len: number): number {
  let h = HASH_INIT;
  for (let j = 0; j < len; j++) h = Math.imul(h ^ buf[j]!, HASH_MUL);
  return h;
}

/** Original offset reached after `units` folded units of text starting at `start`. */
function offsetAfterUnits(text: string, start: number, units: number): number {
  let i = start;
  let u = 0;
  while (u < units && i < text.length) {
    const cp = text.codePointAt(i)!;
    u += foldOf(cp).length;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** Adds the readings of token `t` (folded units in tb.fbuf[0, len); `ph` = hash without the last unit). */
export function addReadings(
  tb: TokenBuffer, lex: Lexicon, text: string, t: number, start: number, end: number, ph: number, len: number, flags: number,
): void {
  const fbuf = tb.fbuf;
  const vocab = lex.vocab;
  if ((flags & (T_DIGIT | T_HANGUL)) === 0 && lex.hasPluralStems && len >= 4 && fbuf[len - 1] === 0x73) {
    const sid = vocab.lookup(ph, len - 1, fbuf);
    if (sid >= 0 && (vocab.flags[sid]! & V_PLURAL_STEM) !== 0) tb.pushAlt(t, sid, end, A_PLURAL);
  }
  if ((flags & T_HANGUL) !== 0 && lex.hasHangul) {
    for (const p of HANGUL_PARTICLES) {
      if (!endsWith(fbuf, len, p)) continue;
      const stem = len - p.length;
      const sid = vocab.lookup(hashPrefix(fbuf, stem), stem, fbuf);
      if (sid >= 0) tb.pushAlt(t, sid, offsetAfterUnits(text, start, stem), A_PARTICLE);
    }
  }
  if ((flags & T_CYR) !== 0 && lex.hasInflect) {
    for (const e of CYRILLIC_ENDINGS) {
      if (len - e.length < 3 || !endsWith(fbuf, len, e)) continue;
      const stem = len - e.length;
      const sid = vocab.lookup(hashPrefix(fbuf, stem), stem, fbuf);
      if (sid >= 0 && (vocab.flags[sid]! & V_INFLECT_STEM) !== 0) tb.pushAlt(t, sid, end, A_INFLECT);
    }
  }
}
