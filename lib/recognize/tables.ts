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
  readonly size: number;
  private readonly mask: number;
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly offs: Int32Array;
  private readonly chars: Uint16Array;
  readonly flags: Uint8Array;

  constructor(words: readonly string[], flags: Uint8Array) {
    this.size = words.length;
    const cap = capacityFor(words.length);
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.hashes = new Int32Array(words.length);
    this.offs = new Int32Array(words.length + 1);
    let total = 0;
    for (const w of words) total += w.length;
    this.chars = new Uint16Array(total);
    this.flags = flags;
    let pos = 0;
    for (let id = 0; id < words.length; id++) {
      const w = words[id]!;
      this.offs[id] = pos;
      for (let j = 0; j < w.length; j++) this.chars[pos++] = w.charCodeAt(j);
      const h = hashString(w);
      this.hashes[id] = h;
      let s = mix(h ^ w.length) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = id + 1;
    }
    this.offs[words.length] = pos;
  }

  /** Id of the token whose folded units are buf[0, len) with hash h, or -1. */
  lookup(h: number, len: number, buf: Uint16Array): number {
    const mask = this.mask;
    let s = mix(h ^ len) & mask;
    for (;;) {
      const id = this.slots[s]! - 1;
      if (id < 0) return -1;
      if (this.hashes[id] === h) {
        const o = this.offs[id]!;
        if (this.offs[id + 1]! - o === len) {
          let j = 0;
          while (j < len && this.chars[o + j] === buf[j]) j++;
          if (j === len) return id;
        }
      }
      s = (s + 1) & mask;
    }
  }

  /** Id of a token given as a string (tests, build), or -1. */
  lookupString(w: string): number {
    const buf = new Uint16Array(w.length);
    for (let j = 0; j < w.length; j++) buf[j] = w.charCodeAt(j);
    return this.lookup(hashString(w), w.length, buf);
  }

  get byteSize(): number {
    return this.slots.byteLength + this.hashes.byteLength + this.offs.byteLength + this.chars.byteLength + this.flags.byteLength;
  }
}

/** (node, label) -> child. Labels are token ids, ~stemId for inflection stems, or code units. */
export class EdgeTable {
  private mask: number;
  private nodes: Int32Array;
  private labels: Int32Array;
  private children: Int32Array;
  count = 0;

  constructor(expected: number) {
    const cap = capacityFor(Math.max(8, expected));
    this.mask = cap - 1;
    this.nodes = new Int32Array(cap).fill(-1);
    this.labels = new Int32Array(cap);
    this.children = new Int32Array(cap);
  }

  get(node: number, label: number): number {
    const mask = this.mask;
    let s = mix(Math.imul(node, 0x9e3779b1) ^ label) & mask;
    for (;;) {
      const n = this.nodes[s]!;
      if (n === -1) return -1;
      if (n === node && this.labels[s] === label) return this.children[s]!;
      s = (s + 1) & mask;
    }
  }

  add(node: number, label: number, child: number): void {
    if ((this.count + 1) * 10 > this.nodes.length * 7) this.grow();
    this.put(node, label, child);
    this.count++;
  }

  private put(node: number, label: number, child: number): void {
    const mask = this.mask;
    let s = mix(Math.imul(node, 0x9e3779b1) ^ label) & mask;
    while (this.nodes[s] !== -1) s = (s + 1) & mask;
    this.nodes[s] = node;
    this.labels[s] = label;
    this.children[s] = child;
  }

  private grow(): void {
    const { nodes, labels, children } = this;
    const cap = nodes.length * 2;
    this.mask = cap - 1;
    this.nodes = new Int32Array(cap).fill(-1);
    this.labels = new Int32Array(cap);
    this.children = new Int32Array(cap);
    for (let s = 0; s < nodes.length; s++) {
      if (nodes[s] !== -1) this.put(nodes[s]!, labels[s]!, children[s]!);
    }
  }

  get byteSize(): number {
    return this.nodes.byteLength * 3;
  }
}
