/**
 * The lower-start set: a bit set over the all-ASCII folded tokens that may start a name
 * written in lower case ("al-Assad", "the Taliban", any `fold` form). Prose is mostly lower-case
 * words that start no such name; when no open walk reaches such a word, the scanner steps
 * over it with one cheap hash per character and no vocabulary lookup (scan.ts). A word whose
 * bit is set is scanned in full, so a false positive costs time, never a match.
 */
import { C_APOS, C_DASH, C_LETTER, C_LINEBREAK, C_PUNCT, C_SPACE, CLASS_MASK, classOf } from './char-class.ts';
import type { Vocab } from './tables.ts';

/** Smallest set (in 32-bit words); sets are powers of two, ~16 bits per token. */
export const MIN_LOWER_WORDS = 128;

/** Bit index of a word with skip hash `h` and `len` units in a set of 2^(32 - shift) bits. */
function keyOf(h: number, len: number, shift: number): number {
  return Math.imul(h ^ len, 0x9e3779b1) >>> shift;
}

/** Right shift that turns a 32-bit key into a bit index of a set of `words` 32-bit words. */
export function lowerShift(words: number): number {
  return 32 - (31 - Math.clz32(words * 32));
}

/** The set for tokens `ids` of `vocab` (tokens with a unit outside ASCII never skip). */
export function buildLowerStarts(vocab: Vocab, ids: ArrayLike<number>, count: number): Int32Array {
  let words = MIN_LOWER_WORDS;
  while (words * 32 < count * 16) words *= 2;
  const set = new Int32Array(words);
  const shift = lowerShift(words);
  for (let x = 0; x < count; x++) {
    const id = ids[x]!;
    const len = vocab.lengthOf(id);
    let h = 0;
    let ascii = true;
    for (let j = 0; j < len && ascii; j++) {
      const u = vocab.unitAt(id, j);
      ascii = u < 128;
      h = (Math.imul(h, 31) + u) | 0;
    }
    if (!ascii) continue;
    const key = keyOf(h, len, shift);
    set[key >>> 5]! |= 1 << (key & 31);
  }
  return set;
}

/**
 * End of the lower-case ASCII word starting at `i` when it can be stepped over: it is not in
 * the set and ends on a character that ends words (not a mark, ignorable or non-ASCII
 * letter, which would make it another word). Else -1.
 */
export function skippableWordEnd(text: string, i: number, n: number, set: Int32Array, shift: number): number {
  let h = 0;
  let j = i;
  for (; j < n; j++) {
    let c = text.charCodeAt(j);
    // ASCII letters are a-z and A-Z; the latter fold to the former.
    if ((c - 0x61) >>> 0 >= 26) {
      if ((c - 0x41) >>> 0 < 26) c += 32;
      else if (c < 128) break;
      else {
        const k = c >= 0xd800 && c <= 0xdfff ? C_LETTER : classOf(c) & CLASS_MASK;
        if (k !== C_SPACE && k !== C_LINEBREAK && k !== C_DASH && k !== C_APOS && k !== C_PUNCT) return -1;
        break;
      }
    }
    h = (Math.imul(h, 31) + c) | 0;
  }
  const key = keyOf(h, j - i, shift);
  return (set[key >>> 5]! & (1 << (key & 31))) !== 0 ? -1 : j;
}
