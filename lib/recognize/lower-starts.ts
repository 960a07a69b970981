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

/** Letters up to which the skip RegExp spells out lower-start tokens; longer ones block by prefix. */
const SKIP_DEPTH = 4;

/**
 * The lower-start tokens made of ASCII letters only, cut to SKIP_DEPTH letters with a trailing
 * "$" when the whole token fits (only those can equal a word the skip RegExp steps over).
 */
export function lowerStartKeys(vocab: Vocab, ids: ArrayLike<number>, count: number): string[] {
  const out = new Set<string>();
  for (let x = 0; x < count; x++) {
    const id = ids[x]!;
    const len = vocab.lengthOf(id);
    let key = '';
    for (let j = 0; j < len; j++) {
      const u = vocab.unitAt(id, j);
      if (u < 0x61 || u > 0x7a) {
        key = '';
        break;
      }
      if (j < SKIP_DEPTH) key += String.fromCharCode(u);
    }
    if (key !== '') out.add(len <= SKIP_DEPTH ? key + '$' : key);
  }
  return [...out];
}

interface KeyNode {
  kids: Map<string, KeyNode>;
  end: boolean;
  prefix: boolean;
}

/** The keys below `node` as a RegExp that matches at a word starting with one of them. */
function keyPattern(node: KeyNode, depth: number): string {
  if (node.prefix) return '';
  const alts: string[] = [];
  for (const [c, kid] of node.kids) {
    alts.push((depth === 0 ? c : `[${c}${c.toUpperCase()}]`) + keyPattern(kid, depth + 1));
  }
  if (node.end) alts.push('(?![a-zA-Z])');
  return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
}

const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;

/**
 * A sticky RegExp matching a run of lower-case ASCII words outside the lower-start set (by
 * `keys`, see lowerStartKeys), each followed by characters of `inert` (separators that cannot
 * start a name and leave nothing but a hard break): what the scanner would scan and drop.
 * V8 compiles it to native code, so the scanner makes one call per run, not a JS loop. Upper-case
 * letters may follow inside a word ("iPhone" is one word, as in the scanner); a word followed
 * by anything else (a digit, a mark, a non-ASCII letter) ends the run before it.
 */
export function skipRegExp(keys: readonly string[], inert: readonly number[]): RegExp {
  const root: KeyNode = { kids: new Map(), end: false, prefix: false };
  for (const k of keys) {
    let node = root;
    const whole = k.endsWith('$');
    const letters = whole ? k.slice(0, -1) : k;
    for (const c of letters) {
      let kid = node.kids.get(c);
      if (kid === undefined) {
        kid = { kids: new Map(), end: false, prefix: false };
        node.kids.set(c, kid);
      }
      node = kid;
    }
    if (whole) node.end = true;
    else node.prefix = true;
  }
  const seps = inert.map(hex).join('');
  if (seps === '') return /(?!)/y;
  const guard = root.kids.size === 0 ? '' : `(?!${keyPattern(root, 0)})`;
  return new RegExp(`(?:${guard}[a-z][a-zA-Z]*(?:[${seps}]+|$))+`, 'y');
}
