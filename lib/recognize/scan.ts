/**
 * The scanner: one pass over the original text that splits it into folded tokens, hashes
 * each token as it goes and looks it up in the vocabulary, keeping only tokens that occur in
 * some name (the gaps become hard separators). ASCII takes a table-driven fast path;
 * everything else goes through the lazily filled per-code-point tables. Offsets are kept in
 * the original text, so no separate offset map is needed.
 *
 * Most words of prose are lower case and follow a word that was dropped. Such a word can
 * only matter if it starts a name that may be written in lower case (a `fold` form, or an
 * exact form such as "al-Assad"), so a bit set of those names' first tokens (lower-starts.ts)
 * lets the scanner step over the word without folding it or looking it up. The scanner knows
 * whether a walk is open at a word because it follows the trie walks of findCandidates
 * (walk.ts) as it keeps tokens (`advanceWalks`).
 */
import {
  ASCII_CLASS, ASCII_FOLD, C_APOS, C_DASH, C_DIGIT, C_HANGUL, C_IGNORE, C_LETTER, C_LINEBREAK, C_MARK, C_NOSPACE,
  C_PUNCT, C_SPACE, CLASS_MASK, CYR_BIT, appendFold, classOf,
} from './char-class.ts';
import { TOKEN_ROOT } from './compile.ts';
import { skippableWordEnd } from './lower-starts.ts';
import { addReadings, hashPrefix, type Lexicon } from './readings.ts';
import { HASH_INIT, HASH_MUL, V_LOWER_START } from './tables.ts';
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
 * Moves the open walks (tb.act) over the token just kept, as findCandidates will walk them:
 * a walk goes on along the token's id unless a hard separator intervenes, and a token not
 * glued to the previous one starts a walk if a name may start with it as written (`canStart`:
 * a lower-case word only when it may start a lower-case name, as in the skip above). No walk
 * left means that the next word matters only if it can start a name. Returns false when no
 * walk reaches or starts at the token: no candidate that passes the case rules contains it.
 */
function advanceWalks(tb: TokenBuffer, lex: Lexicon, id: number, flags: number, canStart: boolean): boolean {
  const act = tb.act;
  const n0 = (flags & T_SEP_HARD) !== 0 ? 0 : tb.actN;
  if (n0 < 0) return true;
  let k = 0;
  if (id >= 0) {
    for (let a = 0; a < n0; a++) {
      const c = lex.next(act[a]!, id);
      if (c >= 0) act[k++] = c;
    }
    if ((flags & T_JOINED) === 0 && canStart) {
      const c = lex.next(TOKEN_ROOT, id);
      if (c >= 0) {
        if (k === act.length) k = -1;
        else act[k++] = c;
      }
    }
  }
  tb.actN = k;
  return k !== 0;
}

/**
 * Emits the open word; a dropped word glued to a kept one marks that one (T_NEXT_JOINED).
 * `track`: keep tb.act up to date (page scans).
 */
function closeWord(
  tb: TokenBuffer, lex: Lexicon | null, text: string, start: number, end: number,
  h: number, ph: number, len: number, flags: number, build: boolean, prevKept: boolean, track: boolean,
): boolean {
  const kept = emitWord(tb, lex, text, start, end, h, ph, len, flags, build);
  if (!kept && flags & T_JOINED && prevKept) tb.flags[tb.n - 1]! |= T_NEXT_JOINED;
  if (!track || lex === null) return kept;
  if (!kept) {
    tb.actN = 0;
    return false;
  }
  const t = tb.n - 1;
  const c0 = text.charCodeAt(start);
  const id = tb.id[t]!;
  const canStart = c0 < 0x61 || c0 > 0x7a || (id >= 0 && (lex.vocab.flags[id]! & V_LOWER_START) !== 0);
  // A word no walk can use (no alternative reading either) is dropped after all.
  if (!advanceWalks(tb, lex, id, tb.flags[t]!, canStart) && tb.alt[t] === -1) {
    if (flags & T_JOINED && prevKept) tb.flags[t - 1]! |= T_NEXT_JOINED;
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
  const lowerStarts = lex === null || build ? null : lex.lowerStarts;
  const lowerShift = lex === null ? 0 : lex.lowerShift;
  const track = lowerStarts !== null;
  const skipRe = lowerStarts === null || lex === null ? null : lex.skipRegExp();
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
    let cp = c;
    let w = 1;
    let k: number;
    if (c < 128) {
      k = ACLS[c]!;
      if (k === LETTER || k === DIGIT) {
        if (open && k !== tKind) {
          const kept = closeWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build, prevKept, track);
          prevKept = kept;
          open = false;
          sep = (tKind === C_HANGUL ? 0 : T_JOINED) | (kept ? 0 : T_SEP_HARD);
        }
        if (!open) {
          // A lower-case word that no open walk reaches: step over it unless it may start a name.
          if (lowerStarts !== null && c >= 0x61 && (tb.actN === 0 || (sep & T_SEP_HARD) !== 0)) {
            // A run of words that cannot start a lower-case name: the RegExp steps over it natively.
            if (skipRe !== null) {
              skipRe.lastIndex = i;
              if (skipRe.test(text)) {
                sep = T_SEP_HARD;
                breaks = 0;
                prevKept = false;
                i = skipRe.lastIndex;
                continue;
              }
            }
            // The RegExp goes by prefixes of long tokens: the set decides for this one word.
            const j = skippableWordEnd(text, i, n, lowerStarts, lowerShift);
            if (j >= 0) {
              // As if the word had been scanned and dropped.
              const d = j < n ? text.charCodeAt(j) : 0;
              sep = d < 128 && ACLS[d] === DIGIT ? T_SEP_HARD | T_JOINED : T_SEP_HARD;
              breaks = 0;
              prevKept = false;
              i = j;
              continue;
            }
          }
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
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          w = 2;
        }
      }
      const kc = classOf(cp);
      k = kc & CLASS_MASK;
      if (k === C_LETTER || k === C_DIGIT || k === C_HANGUL) {
        if (open && k !== tKind) {
          const kept = closeWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build, prevKept, track);
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
      }
      if (k === C_LETTER || k === C_DIGIT || k === C_HANGUL || (k === C_MARK && open)) {
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
      if (k === C_MARK || k === C_IGNORE) {
        i += w;
        continue;
      }
    }
    // Anything else ends the open word.
    if (open) {
      const kept = closeWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build, prevKept, track);
      if (!kept) sep |= T_SEP_HARD;
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
      // Walks stop at a run of Han/kana/Thai (its characters have a trie of their own).
      tb.actN = 0;
      sep = 0;
      breaks = 0;
      prevKept = true;
      i = j;
      continue;
    }
    if (k === C_SPACE) sep |= T_SEP_SPACE;
    else if (k === C_LINEBREAK) {
      sep |= T_SEP_SPACE;
      // CR LF is one line break.
      if ((c !== 13 || text.charCodeAt(i + 1) !== 10) && ++breaks >= 2) sep |= T_SEP_HARD;
    } else if (k === C_DASH) sep |= T_SEP_DASH;
    else if (k === C_APOS || k === C_PUNCT) {
      let id = -1;
      if (asciiPunct !== null && c < 128 && !build) id = asciiPunct[c]!;
      else if (lex !== null) {
        const plen = appendFold(cp, fbuf, 0, MAX_UNITS);
        const ph2 = hashPrefix(fbuf, plen);
        id = build ? lex.vocab.insert(ph2, plen, fbuf) : lex.vocab.lookup(ph2, plen, fbuf);
      }
      if (id >= 0 || lex === null) {
        tb.push(i, i + w, id, sep | T_PUNCT);
        sep = 0;
        breaks = 0;
        prevKept = true;
        // Punctuation no walk can use is a hard separator, like punctuation in no name.
        if (track && lex !== null && !advanceWalks(tb, lex, id, tb.flags[tb.n - 1]!, true)) {
          tb.n--;
          sep = T_SEP_HARD;
          prevKept = false;
        }
      } else {
        sep |= T_SEP_HARD;
        prevKept = false;
        tb.actN = 0;
      }
    } else sep |= T_SEP_HARD;
    i += w;
  }
  if (open) closeWord(tb, lex, text, tStart, tEnd, h, ph, len, tFlags, build, prevKept, track);
}
