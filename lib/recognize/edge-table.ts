/**
 * The trie edges: (node, label) -> child, one open-addressing table for both tries.
 */
import { capacityFor, mix } from './tables.ts';

/** The arrays of an edge table (see `EdgeTable.parts` / `EdgeTable.fromParts`). */
export interface EdgeParts {
  /** Per slot: the parent node (-1: empty slot), the label and the child. */
  node: Int32Array;
  label: Int32Array;
  child: Int32Array;
}

/**
 * (node, label) -> child. Labels are token ids, ~stemId for inflection stems, or code units.
 * Three parallel slot arrays rather than one interleaved array, so that each can be shipped
 * at its own narrow width and used as is after restoring (see serialize.ts).
 */
export class EdgeTable {
  private mask: number;
  private node: Int32Array;
  private label: Int32Array;
  private child: Int32Array;
  /** Edges added since construction (a restored table does not count them). */
  count = 0;
  private restored = false;

  constructor(expected: number) {
    const cap = capacityFor(Math.max(8, expected));
    this.mask = cap - 1;
    this.node = new Int32Array(cap).fill(-1);
    this.label = new Int32Array(cap);
    this.child = new Int32Array(cap);
  }

  get(node: number, label: number): number {
    const nodes = this.node;
    const labels = this.label;
    const mask = this.mask;
    // The step comes first, so it runs on every probe (PROBE_NOTE in tables.ts).
    for (let s = (mix(Math.imul(node, 0x9e3779b1) ^ label) & mask) - 1; ; ) {
      s = (s + 1) & mask;
      const n = nodes[s]!;
      if (n === -1) return -1;
      if (n === node && labels[s] === label) return this.child[s]!;
    }
  }

  add(node: number, label: number, child: number): void {
    if (this.restored) throw new Error('a restored edge table is read-only');
    if ((this.count + 1) * 10 > (this.mask + 1) * 7) this.grow();
    this.put(node, label, child);
    this.count++;
  }

  /**
   * Child of `node` along `label`; when there is none, adds `child` and returns it. One probe
   * where `get` then `add` would take two (build time: most trie steps of a build are new edges).
   */
  getOrAdd(node: number, label: number, child: number): number {
    if (this.restored) throw new Error('a restored edge table is read-only');
    if ((this.count + 1) * 10 > (this.mask + 1) * 7) this.grow();
    const nodes = this.node;
    const mask = this.mask;
    let s = (mix(Math.imul(node, 0x9e3779b1) ^ label) & mask) - 1;
    for (;;) {
      s = (s + 1) & mask;
      const n = nodes[s]!;
      if (n === -1) break;
      if (n === node && this.label[s] === label) return this.child[s]!;
    }
    nodes[s] = node;
    this.label[s] = label;
    this.child[s] = child;
    this.count++;
    return child;
  }

  /** The slot arrays, as they are used (no copy). */
  parts(): EdgeParts {
    return { node: this.node, label: this.label, child: this.child };
  }

  /** A table over arrays from `parts()`, used as they are. Throws a RangeError when they cannot be one. */
  static fromParts(p: EdgeParts): EdgeTable {
    const cap = p.node.length;
    if (cap < 16 || (cap & (cap - 1)) !== 0 || p.label.length !== cap || p.child.length !== cap) {
      throw new RangeError('edge arrays do not fit together');
    }
    const t = new EdgeTable(0);
    t.mask = cap - 1;
    t.node = p.node;
    t.label = p.label;
    t.child = p.child;
    t.restored = true;
    return t;
  }

  private put(node: number, label: number, child: number): void {
    const mask = this.mask;
    let s = (mix(Math.imul(node, 0x9e3779b1) ^ label) & mask) - 1;
    do s = (s + 1) & mask;
    while (this.node[s] !== -1);
    this.node[s] = node;
    this.label[s] = label;
    this.child[s] = child;
  }

  private grow(): void {
    const { node, label, child } = this;
    const cap = node.length * 2;
    this.node = new Int32Array(cap).fill(-1);
    this.label = new Int32Array(cap);
    this.child = new Int32Array(cap);
    this.mask = cap - 1;
    for (let s = 0; s < node.length; s++) {
      if (node[s] !== -1) this.put(node[s]!, label[s]!, child[s]!);
    }
  }

  get byteSize(): number {
    return this.node.byteLength + this.label.byteLength + this.child.byteLength;
  }
}
