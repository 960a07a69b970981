/**
 * Build-time helpers: which spellings of a form get indexed (hyphen joins, Cyrillic stems),
 * a growable Int32 list and the entity-id index.
 */
import { capacityFor, hashString, mix } from './tables.ts';
import { T_DIGIT, T_HANGUL, T_NOSPACE, T_PUNCT, T_SEP_DASH, T_SEP_SPACE, type TokenBuffer } from './token-buffer.ts';

/** Join masks beyond this many hyphens index only "all split" and "all joined". */
const MAX_JOIN_BITS = 3;
export const ALL_JOINED = 255;
/** Nominative endings stripped from a Cyrillic name to get the stem inflected forms share. */
const FORM_ENDINGS = ['ии', 'ыи', 'ои', 'ая', 'яя', 'ое', 'ее', 'а', 'я', 'о', 'е', 'ь', 'ы', 'и'];

/** A growable Int32Array (build time). */
export class IntList {
  a: Int32Array;
  n = 0;
  /** `capacity`: the expected length, so that a build does not keep growing and copying. */
  constructor(capacity = 1024) {
    this.a = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): number {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n] = v;
    return this.n++;
  }
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}

/**
 * Entity ids -> dense indexes (build time), in one table sized up front: a `Map` of 10^5
 * fresh strings spends its time growing and rehashing.
 */
export class IdIndex {
  readonly ids: string[] = [];
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(expected: number) {
    const cap = capacityFor(expected);
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
  }

  /** Index of `id`, adding it if new. */
  indexOf(id: string): number {
    const { slots, mask, ids } = this;
    // The step comes first, so it runs on every probe (PROBE_NOTE in tables.ts).
    for (let s = (mix(hashString(id)) & mask) - 1; ; ) {
      s = (s + 1) & mask;
      const x = slots[s]!;
      if (x === 0) {
        if ((ids.length + 1) * 2 > slots.length) throw new RangeError('more ids than expected');
        slots[s] = ids.push(id);
        return ids.length - 1;
      }
      if (ids[x - 1] === id) return x - 1;
    }
  }
}

/** Positions of hyphens between two letter tokens ("Jong-un"): indexed also as "Jongun". */
export function joinPositions(tb: TokenBuffer): number[] {
  const out: number[] = [];
  const nonLetter = T_DIGIT | T_PUNCT | T_HANGUL | T_NOSPACE;
  for (let t = 1; t < tb.n; t++) {
    const f = tb.flags[t]!;
    if ((f & T_SEP_DASH) && !(f & T_SEP_SPACE) && !(f & nonLetter) && !(tb.flags[t - 1]! & nonLetter)) out.push(t);
  }
  return out;
}

/** Which token indexes start a new token of the variant (a joined position does not). */
export function variantMasks(joinCount: number): number[] {
  if (joinCount === 0) return [0];
  if (joinCount > MAX_JOIN_BITS) return [0, ALL_JOINED];
  const out: number[] = [];
  for (let m = 0; m < 1 << joinCount; m++) out.push(m);
  return out;
}

/** Whether token `t` is run together with the one before it in the variant `mask`. */
export function isJoined(joins: readonly number[], mask: number, t: number): boolean {
  const j = joins.indexOf(t);
  return j >= 0 && (mask === ALL_JOINED || (mask & (1 << j)) !== 0);
}

/** Groups token indexes 0..n-1 into the variant's tokens. */
export function variantGroups(n: number, joins: readonly number[], mask: number): number[][] {
  const groups: number[][] = [];
  for (let t = 0; t < n; t++) {
    if (isJoined(joins, mask, t) && groups.length > 0) groups[groups.length - 1]!.push(t);
    else groups.push([t]);
  }
  return groups;
}

export function stemOf(fold: string): string {
  for (const e of FORM_ENDINGS) {
    if (fold.endsWith(e) && fold.length - e.length >= 3) return fold.slice(0, -e.length);
  }
  return fold;
}

