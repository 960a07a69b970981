/**
 * The scanner: one pass over the original text that splits it into folded tokens, hashes
 * each token as it goes and looks it up in the vocabulary. ASCII takes a table-driven fast
 * path; everything else goes through the lazily filled per-code-point tables. Offsets are
 * kept in the original text, so no separate offset map is needed.
 */
import {
  ASCII_CLASS, ASCII_FOLD, C_APOS, C_BREAK, C_DASH, C_DIGIT, C_HANGUL, C_IGNORE, C_LETTER,
  C_LINEBREAK, C_MARK, C_NOSPACE, C_PUNCT, C_SPACE, CLASS_MASK, CYR_BIT, appendFold, classOf, foldOf,
} from './char-class.ts';
import { HASH_INIT, HASH_MUL, V_PLURAL_STEM, type Vocab } from './tables.ts';
import {
  A_INFLECT, A_PARTICLE, A_PLURAL, MAX_UNITS, T_CYR, T_DIGIT, T_HANGUL, T_JOINED, T_LONG,
  T_NOSPACE, T_PUNCT, T_SEP_DASH, T_SEP_HARD, T_SEP_SPACE, type TokenBuffer,
} from './token-buffer.ts';

/** What the scanner needs from a compiled matcher. */
export interface Lexicon {
  readonly vocab: Vocab;
  /** Token id of each single ASCII punctuation character, or -1. */
  readonly asciiPunct: Int32Array;
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

function hashPrefix(buf: Uint16Array, len: number): number {
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

function emitWord(
  tb: TokenBuffer, lex: Lexicon | null, text: string, start: number, end: number,
  h: number, ph: number, len: number, flags: number, build: boolean,
): void {
  if (len > MAX_UNITS) {
    tb.push(start, end, -1, flags | T_LONG);
    return;
  }
  if (lex === null) {
    tb.push(start, end, -1, flags);
    return;
  }
  const fbuf = tb.fbuf;
  const vocab = lex.vocab;
  if (build) {
    tb.push(start, end, vocab.insert(h, len, fbuf), flags);
    return;
  }
  const t = tb.push(start, end, vocab.lookup(h, len, fbuf), flags);
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

/**
 * Splits `text` into tokens in `tb`. With a lexicon, token ids are looked up (or added, when
 * `build`) and punctuation outside the vocabulary becomes a hard separator; without one, every
 * punctuation character is its own token and ids are -1.
 */
export function scanText(text: string, tb: TokenBuffer, lex: Lexicon | null, build = false): void {
  tb.reset();
  // Imported bindings are module cells that the optimizer does not fold: copy to locals.
  const ACLS = ASCII_CLASS;
  const AFOLD = ASCII_FOLD;
  const LETTER = C_LETTER;
  const DIGIT = C_DIGIT;
  const MUL = HASH_MUL;
  const LIMIT = MAX_UNITS;
  const n = text.length;
  const fbuf = tb.fbuf;
  const asciiPunct = lex === null ? null : lex.asciiPunct;
  let i = 0;
  let open = false;
  let tStart = 0;
  let tEnd = 0;
  let tKind = 0;
  let tFlags = 0;
  let len = 0;
  let h = HASH_INIT;
  let ph = HASH_INIT;
  let sep = 0;
  let breaks = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const k = ACLS[c]!;
      if (k === LETTER || k === DIGIT) {
        if (open && k !== tKind) {
          emitWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build);
          open = false;
          sep = tKind === C_HANGUL ? 0 : T_JOINED;
        }
        if (!open) {
          open = true;
          tStart = i;
          tKind = k;
          tFlags = k === DIGIT ? sep | T_DIGIT : sep;
          sep = 0;
          breaks = 0;
          len = 0;
          h = HASH_INIT;
        }
        const f = AFOLD[c]!;
        if (len < LIMIT) fbuf[len] = f;
        len++;
        ph = h;
        h = Math.imul(h ^ f, MUL);
        tEnd = ++i;
        continue;
      }
      if (open) {
        emitWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build);
        open = false;
      }
      if (k === C_SPACE) sep |= T_SEP_SPACE;
      else if (k === C_LINEBREAK) {
        sep |= T_SEP_SPACE;
        if (c !== 13 || text.charCodeAt(i + 1) !== 10) {
          if (++breaks >= 2) sep |= T_SEP_HARD;
        }
      } else if (k === C_DASH) sep |= T_SEP_DASH;
      else if (k === C_BREAK) sep |= T_SEP_HARD;
      else {
        let id = asciiPunct === null ? -1 : asciiPunct[c]!;
        if (build && lex !== null) {
          fbuf[0] = AFOLD[c]!;
          id = lex.vocab.insert(Math.imul(HASH_INIT ^ fbuf[0]!, MUL), 1, fbuf);
        }
        if (id >= 0 || asciiPunct === null) {
          tb.push(i, i + 1, id, sep | T_PUNCT);
          sep = 0;
          breaks = 0;
        } else sep |= T_SEP_HARD;
      }
      i++;
      continue;
    }

    let cp = c;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    const kc = classOf(cp);
    const k = kc & CLASS_MASK;
    if (k === C_LETTER || k === C_DIGIT || k === C_HANGUL) {
      if (open && k !== tKind) {
        emitWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build);
        open = false;
        sep = k === C_HANGUL || tKind === C_HANGUL ? 0 : T_JOINED;
      }
      if (!open) {
        open = true;
        tStart = i;
        tKind = k;
        tFlags = sep | (k === C_DIGIT ? T_DIGIT : k === C_HANGUL ? T_HANGUL : 0);
        sep = 0;
        breaks = 0;
        len = 0;
        h = HASH_INIT;
      }
      if ((kc & CYR_BIT) !== 0) tFlags |= T_CYR;
      const l0 = len;
      len = appendFold(cp, fbuf, len, MAX_UNITS);
      for (let j = l0; j < len && j < MAX_UNITS; j++) {
        ph = h;
        h = Math.imul(h ^ fbuf[j]!, HASH_MUL);
      }
      i += w;
      tEnd = i;
      continue;
    }
    if (k === C_MARK) {
      if (open) {
        const l0 = len;
        len = appendFold(cp, fbuf, len, MAX_UNITS);
        for (let j = l0; j < len && j < MAX_UNITS; j++) {
          ph = h;
          h = Math.imul(h ^ fbuf[j]!, HASH_MUL);
        }
        tEnd = i + w;
      }
      i += w;
      continue;
    }
    if (k === C_IGNORE) {
      i += w;
      continue;
    }
    if (open) {
      emitWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build);
      open = false;
    }
    if (k === C_NOSPACE) {
      let j = i + w;
      while (j < n) {
        const cp2 = text.codePointAt(j)!;
        const k2 = classOf(cp2) & CLASS_MASK;
        if (k2 !== C_NOSPACE && k2 !== C_MARK && k2 !== C_IGNORE) break;
        j += cp2 > 0xffff ? 2 : 1;
      }
      tb.push(i, j, -1, sep | T_NOSPACE);
      sep = 0;
      breaks = 0;
      i = j;
      continue;
    }
    if (k === C_SPACE) sep |= T_SEP_SPACE;
    else if (k === C_LINEBREAK) {
      sep |= T_SEP_SPACE;
      if (++breaks >= 2) sep |= T_SEP_HARD;
    } else if (k === C_DASH) sep |= T_SEP_DASH;
    else if (k === C_APOS || k === C_PUNCT) {
      const plen = appendFold(cp, fbuf, 0, MAX_UNITS);
      const ph2 = hashPrefix(fbuf, plen);
      const id = lex === null ? -1 : build ? lex.vocab.insert(ph2, plen, fbuf) : lex.vocab.lookup(ph2, plen, fbuf);
      if (id >= 0 || lex === null) {
        tb.push(i, i + w, id, sep | T_PUNCT);
        sep = 0;
        breaks = 0;
      } else sep |= T_SEP_HARD;
    } else sep |= T_SEP_HARD;
    i += w;
  }
  if (open) emitWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build);
}
