/**
 * Compact open-addressing tables behind the matcher: the token vocabulary (folded token ->
 * id, looked up straight from the scanner's code-unit buffer, so the hot loop never builds
 * a string) and the trie edges ((node, label) -> child, one table for both tries).
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

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function capacityFor(n: number): number {
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  return cap;
}

/** Vocabulary flags. */
export const V_PLURAL_STEM = 1;

export class Vocab {
  size = 0;
  private mask: number;
  private slots: Int32Array;
  private hashes: Int32Array;
  /** offs[id] .. offs[id + 1] is the token's range in `chars`. */
  private offs: Int32Array;
  private chars: Uint16Array;
  flags: Uint8Array;
  /**
   * A 64 KB bit filter in front of the table: most page words are not in any name, and
   * this answers "no" for them from cache instead of probing the (larger) slot table.
   */
  private readonly filter = new Int32Array(1 << 14);

  constructor(expected = 256) {
    const cap = capacityFor(expected);
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 4);
    this.hashes = new Int32Array(expected);
    this.offs = new Int32Array(expected + 1);
    this.chars = new Uint16Array(expected * 8);
    this.flags = new Uint8Array(expected);
  }

  /** Id of the token whose folded units are buf[0, len) with hash h, or -1. */
  lookup(h: number, len: number, buf: Uint16Array): number {
    // Slots are interleaved [id + 1, hash, offset, length]: a miss costs one cache line.
    const m = mix(h ^ len);
    const bit = m >>> 13;
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const slots = this.slots;
    const mask = this.mask;
    let s = m & mask;
    for (;;) {
      const q = s << 2;
      const id = slots[q]! - 1;
      if (id < 0) return -1;
      if (slots[q + 1] === h && slots[q + 3] === len) {
        const o = slots[q + 2]!;
        const chars = this.chars;
        let j = 0;
        while (j < len && chars[o + j] === buf[j]) j++;
        if (j === len) return id;
      }
      s = (s + 1) & mask;
    }
  }

  /** Id of the token, adding it if new (build time). */
  insert(h: number, len: number, buf: Uint16Array): number {
    const found = this.lookup(h, len, buf);
    if (found >= 0) return found;
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

  /** Id of a token given as a string, or -1. */
  lookupString(w: string): number {
    const buf = toUnits(w);
    return this.lookup(hashString(w), w.length, buf);
  }

  insertString(w: string): number {
    return this.insert(hashString(w), w.length, toUnits(w));
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

  private place(id: number, h: number, len: number): void {
    const m = mix(h ^ len);
    const bit = m >>> 13;
    this.filter[bit >>> 5]! |= 1 << (bit & 31);
    let s = m & this.mask;
    while (this.slots[s << 2] !== 0) s = (s + 1) & this.mask;
    const q = s << 2;
    this.slots[q] = id + 1;
    this.slots[q + 1] = h;
    this.slots[q + 2] = this.offs[id]!;
    this.slots[q + 3] = len;
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
    this.mask = this.slots.length / 4 - 1;
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

/**
 * (node, label) -> child. Labels are token ids, ~stemId for inflection stems, or code units.
 * Slots are interleaved [node, label, child, -] so that a probe touches one cache line.
 */
export class EdgeTable {
  private mask: number;
  private slots: Int32Array;
  count = 0;

  constructor(expected: number) {
    const cap = capacityFor(Math.max(8, expected));
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 4).fill(-1);
  }

  get(node: number, label: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let s = mix(Math.imul(node, 0x9e3779b1) ^ label) & mask;
    for (;;) {
      const q = s << 2;
      const n = slots[q]!;
      if (n === -1) return -1;
      if (n === node && slots[q + 1] === label) return slots[q + 2]!;
      s = (s + 1) & mask;
    }
  }

  add(node: number, label: number, child: number): void {
    if ((this.count + 1) * 10 > (this.mask + 1) * 7) this.grow();
    this.put(node, label, child);
    this.count++;
  }

  private put(node: number, label: number, child: number): void {
    const mask = this.mask;
    let s = mix(Math.imul(node, 0x9e3779b1) ^ label) & mask;
    while (this.slots[s << 2] !== -1) s = (s + 1) & mask;
    const q = s << 2;
    this.slots[q] = node;
    this.slots[q + 1] = label;
    this.slots[q + 2] = child;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.mask = this.slots.length / 4 - 1;
    for (let q = 0; q < old.length; q += 4) {
      if (old[q] !== -1) this.put(old[q]!, old[q + 1]!, old[q + 2]!);
    }
  }

  get byteSize(): number {
    return this.slots.byteLength;
  }
}
