/**
 * The token vocabulary behind the matcher: folded token -> id, an open-addressing table
 * looked up straight from the scanner's code-unit buffer, so the hot loop never builds a
 * string. The trie edges live in edge-table.ts.
 * Typed arrays keep the heap small and the lookups cache-friendly.
 */

export const HASH_INIT = 0x811c9dc5 | 0;
export const HASH_MUL = 0x01000193;

/** FNV-1a-style hash over UTF-16 units, the same one the scanner computes incrementally. */
export function hashString(s: string): number {
  let h = HASH_INIT;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), HASH_MUL);
  return h;
}

/** Spreads a hash over all 32 bits (murmur3 finalizer). */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/*
 * PROBE_NOTE: the open-addressing probes start one slot early and step before each read, so
 * that the step has run (and V8 has type feedback for it) from the first lookup on. Written
 * the usual way, the step runs only on a collision, which in a young, sparse table comes after
 * the function was optimized: it was deoptimized and compiled again during every fresh build.
 */

/** Power-of-two table size for `n` entries at most half full. */
export function capacityFor(n: number): number {
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  return cap;
}

/** Vocabulary flags. */
export const V_PLURAL_STEM = 1;
/** First token of a name that may be written starting in lower case (see scan.ts). */
export const V_LOWER_START = 4;

/** The arrays a vocabulary is made of (see `Vocab.parts` / `Vocab.fromParts`). */
export interface VocabParts {
  /** Open-addressing slots: token id + 1, or 0 for an empty slot. Length is a power of two. */
  slots: Int32Array;
  /** offs[id] .. offs[id + 1] is the token's range in `chars`. */
  offs: Int32Array;
  chars: Uint16Array;
  flags: Uint8Array;
  filter: Int32Array;
}

const FILTER_WORDS = 1 << 14;

export class Vocab {
  size = 0;
  private mask: number;
  private slots: Int32Array;
  /** Build time only (rehashing): lookups compare lengths and units, not hashes. */
  private hashes: Int32Array;
  private offs: Int32Array;
  private chars: Uint16Array;
  flags: Uint8Array;
  /**
   * A 64 KB bit filter in front of the table: most page words are not in any name, and
   * this answers "no" for them from cache instead of probing the (larger) slot table.
   */
  private filter: Int32Array = new Int32Array(FILTER_WORDS);
  private restored = false;

  constructor(expected = 256) {
    const cap = capacityFor(expected);
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.hashes = new Int32Array(expected);
    this.offs = new Int32Array(expected + 1);
    // Room for tokens of 16 units on average (hyphen-joined spellings are long): no growth.
    this.chars = new Uint16Array(expected * 16);
    this.flags = new Uint8Array(expected);
  }

  /** Id of the token whose folded units are buf[0, len) with hash h, or -1. */
  lookup(h: number, len: number, buf: Uint16Array): number {
    const m = mix(h ^ len);
    const bit = m >>> 13;
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const slots = this.slots;
    const offs = this.offs;
    const chars = this.chars;
    const mask = this.mask;
    // The step comes first, so it runs on every probe (see PROBE_NOTE).
    for (let s = (m & mask) - 1; ; ) {
      s = (s + 1) & mask;
      const id = slots[s]! - 1;
      if (id < 0) return -1;
      const o = offs[id]!;
      if (offs[id + 1]! - o === len) {
        let j = 0;
        while (j < len && chars[o + j] === buf[j]) j++;
        if (j === len) return id;
      }
    }
  }

  /** Id of the token, adding it if new (build time). */
  insert(h: number, len: number, buf: Uint16Array): number {
    const found = this.lookup(h, len, buf);
    if (found >= 0) return found;
    if (this.restored) throw new Error('a restored vocabulary is read-only');
    const id = this.size;
    if (id + 1 >= this.hashes.length) this.growEntries();
    if ((id + 1) * 2 > this.mask + 1) this.rehash();
    const o = this.offs[id]!;
    if (o + len > this.chars.length) {
      const c = new Uint16Array(Math.max(this.chars.length * 2, o + len));
      c.set(this.chars);
      this.chars = c;
    }
    for (let j = 0; j < len; j++) this.chars[o + j] = buf[j]!;
    this.offs[id + 1] = o + len;
    this.hashes[id] = h;
    this.place(id, h, len);
    this.size = id + 1;
    return id;
  }

  /** Number of folded units of token `id`. */
  lengthOf(id: number): number {
    return this.offs[id + 1]! - this.offs[id]!;
  }

  /** Unit `j` of token `id`'s folded text, or 0 past its end. */
  unitAt(id: number, j: number): number {
    const o = this.offs[id]! + j;
    return o < this.offs[id + 1]! ? this.chars[o]! : 0;
  }

  /** Id of a token given as a string, or -1. */
  lookupString(w: string): number {
    const buf = toUnits(w);
    return this.lookup(hashString(w), w.length, buf);
  }

  insertString(w: string): number {
    return this.insert(hashString(w), w.length, toUnits(w));
  }

  /**
   * Id of the token spelled by tokens ids[from, to) run together ("jong" + "un"), adding it
   * if new (build time). Copies units from the vocabulary itself: no string per spelling.
   */
  insertJoined(ids: Int32Array, from: number, to: number): number {
    let len = 0;
    for (let t = from; t < to; t++) len += this.lengthOf(ids[t]!);
    if (len > scratch.length) scratch = new Uint16Array(len * 2);
    const buf = scratch;
    const chars = this.chars;
    let h = HASH_INIT;
    let j = 0;
    for (let t = from; t < to; t++) {
      const id = ids[t]!;
      for (let o = this.offs[id]!, e = this.offs[id + 1]!; o < e; o++) {
        const u = chars[o]!;
        buf[j++] = u;
        h = Math.imul(h ^ u, HASH_MUL);
      }
    }
    return this.insert(h, len, buf);
  }

  /** The folded text of token `id`. */
  textOf(id: number): string {
    return String.fromCharCode(...this.chars.subarray(this.offs[id]!, this.offs[id + 1]!));
  }

  addFlag(id: number, flag: number): void {
    this.flags[id]! |= flag;
  }

  /** Drops the spare capacity left by growth (end of build). */
  trim(): void {
    this.hashes = this.hashes.slice(0, this.size);
    this.offs = this.offs.slice(0, this.size + 1);
    this.chars = this.chars.slice(0, this.offs[this.size]);
    this.flags = this.flags.slice(0, this.size);
  }

  /** The arrays, as they are used (no copy): for serialization after `trim()`. */
  parts(): VocabParts {
    return { slots: this.slots, offs: this.offs, chars: this.chars, flags: this.flags, filter: this.filter };
  }

  /**
   * A read-only vocabulary over arrays from `parts()` (nothing is rehashed or copied).
   * Throws a RangeError when the arrays cannot belong together; `insert` is not available.
   */
  static fromParts(p: VocabParts): Vocab {
    const cap = p.slots.length;
    const size = p.flags.length;
    if (cap < 16 || (cap & (cap - 1)) !== 0 || cap < size * 2 || p.offs.length !== size + 1 || p.filter.length !== FILTER_WORDS) {
      throw new RangeError('vocabulary arrays do not fit together');
    }
    if (p.offs[0] !== 0 || p.offs[size] !== p.chars.length) throw new RangeError('vocabulary offsets do not fit its characters');
    const v = new Vocab(16);
    v.mask = cap - 1;
    v.slots = p.slots;
    v.offs = p.offs;
    v.chars = p.chars;
    v.flags = p.flags;
    v.filter = p.filter;
    v.size = size;
    // No hashes: a restored vocabulary cannot be rehashed, so it must not grow.
    v.hashes = new Int32Array(0);
    v.restored = true;
    return v;
  }

  private place(id: number, h: number, len: number): void {
    const m = mix(h ^ len);
    const bit = m >>> 13;
    this.filter[bit >>> 5]! |= 1 << (bit & 31);
    const mask = this.mask;
    let s = (m & mask) - 1;
    do s = (s + 1) & mask;
    while (this.slots[s] !== 0);
    this.slots[s] = id + 1;
  }

  private growEntries(): void {
    const cap = this.hashes.length * 2;
    const h = new Int32Array(cap);
    h.set(this.hashes);
    this.hashes = h;
    const o = new Int32Array(cap + 1);
    o.set(this.offs);
    this.offs = o;
    const f = new Uint8Array(cap);
    f.set(this.flags);
    this.flags = f;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) this.place(id, this.hashes[id]!, this.offs[id + 1]! - this.offs[id]!);
  }

  get byteSize(): number {
    return this.filter.byteLength + this.slots.byteLength + this.hashes.byteLength + this.offs.byteLength + this.chars.byteLength + this.flags.byteLength;
  }
}

let scratch = new Uint16Array(64);
function toUnits(w: string): Uint16Array {
  if (w.length > scratch.length) scratch = new Uint16Array(w.length * 2);
  const buf = scratch;
  for (let j = 0; j < w.length; j++) buf[j] = w.charCodeAt(j);
  return buf;
}
