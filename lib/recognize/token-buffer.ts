/**
 * Struct-of-arrays storage for the tokens of one chunk of text, reused across chunks so
 * that scanning allocates nothing per token.
 */

// Token flags.
/** Split from the previous token only by a letter/digit change ("Geran2" -> geran|2). */
export const T_JOINED = 1;
export const T_SEP_SPACE = 2;
export const T_SEP_DASH = 4;
/** A separator no name may span (punctuation outside the vocabulary, paragraph break). */
export const T_SEP_HARD = 8;
/** A run of Han/kana/Thai... characters, matched by the character trie. */
export const T_NOSPACE = 16;
export const T_PUNCT = 32;
export const T_DIGIT = 64;
export const T_HANGUL = 128;
export const T_CYR = 256;
/** Longer than any name: never matches. */
export const T_LONG = 512;
/** The next word was glued to this one ("Shahed136") but was dropped (not in any name). */
export const T_NEXT_JOINED = 1024;

// Alternative readings of a token (only valid as the last token of a match).
export const A_PLURAL = 1;
export const A_PARTICLE = 2;
export const A_INFLECT = 3;

/** Longest folded token the scanner keeps (forms are at most 200 characters). */
export const MAX_UNITS = 256;

export class TokenBuffer {
  n = 0;
  start: Int32Array<ArrayBuffer> = new Int32Array(256);
  end = new Int32Array(256);
  id = new Int32Array(256);
  flags = new Int32Array(256);
  /** Index of the token's first alternative in the alt arrays, or -1. */
  alt = new Int32Array(256);
  altN = 0;
  altTok = new Int32Array(16);
  altId = new Int32Array(16);
  altEnd = new Int32Array(16);
  altKind = new Int32Array(16);
  /**
   * Token-trie nodes reached by the walks that end at the last kept token (see scan.ts);
   * `actN` -1 when there were too many to track (then every walk is assumed alive).
   */
  act = new Int32Array(64);
  actN = 0;
  /** Folded units of the token being scanned. */
  readonly fbuf = new Uint16Array(MAX_UNITS + 16);

  reset(): void {
    this.n = 0;
    this.altN = 0;
    this.actN = 0;
  }

  push(start: number, end: number, id: number, flags: number): number {
    const t = this.n;
    if (t === this.start.length) this.growTokens();
    this.start[t] = start;
    this.end[t] = end;
    this.id[t] = id;
    this.flags[t] = flags;
    this.alt[t] = -1;
    this.n = t + 1;
    return t;
  }

  pushAlt(tok: number, id: number, end: number, kind: number): void {
    const a = this.altN;
    if (a === this.altTok.length) this.growAlts();
    this.altTok[a] = tok;
    this.altId[a] = id;
    this.altEnd[a] = end;
    this.altKind[a] = kind;
    if (this.alt[tok] === -1) this.alt[tok] = a;
    this.altN = a + 1;
  }

  private growTokens(): void {
    const cap = this.start.length * 2;
    const g = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.start = g(this.start);
    this.end = g(this.end);
    this.id = g(this.id);
    this.flags = g(this.flags);
    this.alt = g(this.alt);
  }

  private growAlts(): void {
    const cap = this.altTok.length * 2;
    const g = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.altTok = g(this.altTok);
    this.altId = g(this.altId);
    this.altEnd = g(this.altEnd);
    this.altKind = g(this.altKind);
  }
}
