/**
 * The scanner: one pass over the original text that splits it into folded tokens, hashes
 * each token as it goes and looks it up in the vocabulary, keeping only tokens that occur in
 * some name (the gaps become hard separators). ASCII takes a table-driven fast
 * path; everything else goes through the lazily filled per-code-point tables. Offsets are
 * kept in the original text, so no separate offset map is needed.
 */
import {
  ASCII_CLASS, ASCII_FOLD, C_APOS, C_BREAK, C_DASH, C_DIGIT, C_HANGUL, C_IGNORE, C_LETTER,
  C_LINEBREAK, C_MARK, C_NOSPACE, C_PUNCT, C_SPACE, CLASS_MASK, CYR_BIT, appendFold, classOf,
} from './char-class.ts';
import { addReadings, hashPrefix, type Lexicon } from './readings.ts';
import { HASH_INIT, HASH_MUL } from './tables.ts';
import {
  MAX_UNITS, T_CYR, T_DIGIT, T_HANGUL, T_JOINED, T_LONG, T_NEXT_JOINED, T_NOSPACE, T_PUNCT, T_SEP_DASH,
  T_SEP_HARD, T_SEP_SPACE, type TokenBuffer,
} from './token-buffer.ts';

export { type Lexicon, V_INFLECT_STEM } from './readings.ts';

function emitWord(
  tb: TokenBuffer, lex: Lexicon | null, text: string, start: number, end: number,
  h: number, ph: number, len: number, flags: number, build: boolean,
): boolean {
  if (lex === null || len > MAX_UNITS) {
    if (lex !== null && !build) return false;
    tb.push(start, end, -1, len > MAX_UNITS ? flags | T_LONG : flags);
    return true;
  }
  const fbuf = tb.fbuf;
  const vocab = lex.vocab;
  if (build) {
    tb.push(start, end, vocab.insert(h, len, fbuf), flags);
    return true;
  }
  const id = vocab.lookup(h, len, fbuf);
  // Most words need no alternative reading: test cheaply before calling out.
  const readings =
    (flags & T_CYR && lex.hasInflect) || (flags & T_HANGUL && lex.hasHangul) || (fbuf[len - 1] === 0x73 && lex.hasPluralStems);
  // Most words are in no name: drop them, the caller marks the gap as a hard separator.
  if (id < 0 && !readings) return false;
  const t = tb.push(start, end, id, flags);
  if (readings) addReadings(tb, lex, text, t, start, end, ph, len, flags);
  if (id < 0 && tb.alt[t] === -1) {
    tb.n = t;
    return false;
  }
  return true;
}

/**
 * Splits `text` into tokens in `tb`. With a lexicon, token ids are looked up (or added, when
 * `build`); words and punctuation outside the vocabulary are dropped and leave a hard
 * separator. Without one, every word and punctuation character is a token with id -1.
 */
export function scanText(text: string, tb: TokenBuffer, lex: Lexicon | null, build = false): void {
  tb.reset();
  // Local copies keep module-binding loads out of the per-character path.
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
  let prevKept = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const k = ACLS[c]!;
      if (k === LETTER || k === DIGIT) {
        if (open && k !== tKind) {
          const kept = emitWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build);
          if (!kept && tFlags & T_JOINED && prevKept) tb.flags[tb.n - 1]! |= T_NEXT_JOINED;
          prevKept = kept;
          open = false;
          sep = (tKind === C_HANGUL ? 0 : T_JOINED) | (kept ? 0 : T_SEP_HARD);
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
        // Consume the rest of this ASCII run of the same kind in a tight loop.
        let j = i;
        let cj = c;
        for (;;) {
          const f = AFOLD[cj]!;
          if (len < LIMIT) fbuf[len] = f;
          len++;
          ph = h;
          h = Math.imul(h ^ f, MUL);
          if (++j >= n) break;
          cj = text.charCodeAt(j);
          if (cj >= 128 || ACLS[cj] !== k) break;
        }
        i = j;
        tEnd = j;
        continue;
      }
      if (open) {
        const kept = emitWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build);
        if (!kept) {
          if (tFlags & T_JOINED && prevKept) tb.flags[tb.n - 1]! |= T_NEXT_JOINED;
          sep |= T_SEP_HARD;
        }
        prevKept = kept;
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
          prevKept = true;
        } else {
          sep |= T_SEP_HARD;
          prevKept = false;
        }
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
        const kept = emitWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build);
        if (!kept && tFlags & T_JOINED && prevKept) tb.flags[tb.n - 1]! |= T_NEXT_JOINED;
        prevKept = kept;
        open = false;
        sep = (k === C_HANGUL || tKind === C_HANGUL ? 0 : T_JOINED) | (kept ? 0 : T_SEP_HARD);
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
      const kept = emitWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build);
      if (!kept) {
        if (tFlags & T_JOINED && prevKept) tb.flags[tb.n - 1]! |= T_NEXT_JOINED;
        sep |= T_SEP_HARD;
      }
      prevKept = kept;
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
      prevKept = true;
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
        prevKept = true;
      } else {
        sep |= T_SEP_HARD;
        prevKept = false;
      }
    } else sep |= T_SEP_HARD;
    i += w;
  }
  if (open && !emitWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build) && tFlags & T_JOINED && prevKept) {
    tb.flags[tb.n - 1]! |= T_NEXT_JOINED;
  }
}
