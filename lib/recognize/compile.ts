/**
 * The compiled matcher: a token trie over folded tokens (spaced scripts) and a character
 * trie (Han, kana, Thai...) sharing one edge table, plus per-node lists of form entries
 * (entity, kind, case rule) that the case rules and disambiguation read. Built from surface
 * forms by build.ts, or restored from its serialized form by serialize.ts.
 */
import type { Lexicon } from './scan.ts';
import type { EdgeTable } from './edge-table.ts';
import { C_APOS, C_BREAK, C_DASH, C_LINEBREAK, C_PUNCT, C_SPACE, CLASS_MASK, classOf, foldOf } from './char-class.ts';
import { lowerShift, lowerStartKeys, skipRegExp } from './lower-starts.ts';
import { V_LOWER_START, type Vocab } from './tables.ts';
import type { AliasKind, Category } from './types.ts';

export const KINDS: readonly AliasKind[] = ['name', 'short', 'surname', 'acronym', 'demonym'];
export const CATEGORY_LIST: readonly Category[] = ['person', 'place', 'organization', 'weapon', 'event'];
export const K_SURNAME = 2;
export const K_DEMONYM = 4;
export const WEAPON = 3;

// Entry modes.
export const M_TOKENS = 0;
export const M_INFLECT = 1;
export const M_CHARS = 2;

export const TOKEN_ROOT = 0;
export const CHAR_ROOT = 1;

/** ASCII non-letters and common typographic separators (no-break space, dashes, quotes, ellipsis). */
const SEPARATOR_CANDIDATES: readonly number[] = [
  ...Array.from({ length: 128 }, (_, c) => c).filter((c) => !/[A-Za-z0-9]/.test(String.fromCharCode(c))),
  0xa0, 0xab, 0xbb, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x2022, 0x3000,
];

/** Everything a matcher is made of; what build.ts produces and serialize.ts restores. */
export interface MatcherParts {
  vocab: Vocab;
  asciiPunct: Int32Array;
  lowerStarts: Int32Array;
  hasPluralStems: boolean;
  hasInflect: boolean;
  hasHangul: boolean;
  edges: EdgeTable;
  rootChild: Int32Array;
  nodeHead: Int32Array;
  entryNext: Int32Array;
  entryEntity: Int32Array;
  entryForm: Int32Array;
  entryMeta: Int32Array;
  entryPriority: Int32Array;
  entryAux: Int32Array;
  entityIds: readonly string[];
  formTexts: readonly string[];
  skippedForms: number;
}

/** The compiled matcher. Opaque to callers (see `Matcher` in index.ts). */
export class CompiledMatcher implements Lexicon {
  readonly formCount: number;
  readonly skippedForms: number;
  readonly vocab: Vocab;
  /** Token id of each single ASCII punctuation character, or -1. */
  readonly asciiPunct: Int32Array;
  /** See `Lexicon.lowerStarts`. */
  readonly lowerStarts: Int32Array;
  readonly lowerShift: number;
  readonly hasPluralStems: boolean;
  readonly hasInflect: boolean;
  readonly hasHangul: boolean;
  readonly edges: EdgeTable;
  /** Children of the token root by token id (-1: none). */
  readonly rootChild: Int32Array;
  readonly nodeHead: Int32Array;
  readonly entryNext: Int32Array;
  readonly entryEntity: Int32Array;
  readonly entryForm: Int32Array;
  /** kind | exact << 3 | category << 4 | mode << 7 */
  readonly entryMeta: Int32Array;
  readonly entryPriority: Int32Array;
  /** Join mask (token entries) or stem length << 8 | join mask (inflection entries). */
  readonly entryAux: Int32Array;
  readonly entityIds: readonly string[];
  readonly formTexts: readonly string[];
  /** Lazily filled cache of case-preserved form tokens (see case-rules.ts). */
  readonly formNorms: unknown[] = [];
  private normSlot: Int32Array | null = null;
  private skipper: RegExp | null = null;

  constructor(p: MatcherParts) {
    this.vocab = p.vocab;
    this.asciiPunct = p.asciiPunct;
    this.lowerStarts = p.lowerStarts;
    this.lowerShift = lowerShift(p.lowerStarts.length);
    this.hasPluralStems = p.hasPluralStems;
    this.hasInflect = p.hasInflect;
    this.hasHangul = p.hasHangul;
    this.edges = p.edges;
    this.rootChild = p.rootChild;
    this.nodeHead = p.nodeHead;
    this.entryNext = p.entryNext;
    this.entryEntity = p.entryEntity;
    this.entryForm = p.entryForm;
    this.entryMeta = p.entryMeta;
    this.entryPriority = p.entryPriority;
    this.entryAux = p.entryAux;
    this.entityIds = p.entityIds;
    this.formTexts = p.formTexts;
    this.formCount = p.formTexts.length;
    this.skippedForms = p.skippedForms;
  }

  /** Per entry: (1 + index into `formNorms`) << 1 | its `shortUpper`, or 0 (allocated on first use). */
  get formNormSlot(): Int32Array {
    if (this.normSlot === null) this.normSlot = new Int32Array(this.entryNext.length);
    return this.normSlot;
  }

  /** See `Lexicon.skipRegExp` (built on first use: the inert separators depend on the tries). */
  skipRegExp(): RegExp | null {
    if (this.skipper === null) {
      const ids: number[] = [];
      for (let id = 0; id < this.vocab.size; id++) if (this.vocab.flags[id]! & V_LOWER_START) ids.push(id);
      this.skipper = skipRegExp(lowerStartKeys(this.vocab, ids, ids.length), this.inertSeparators());
    }
    return this.skipper;
  }

  /**
   * Separators that, after a dropped word, leave only a hard break: spaces, line breaks,
   * dashes, controls, and punctuation that starts no name (ASCII, and common typographic marks).
   */
  private inertSeparators(): number[] {
    const out: number[] = [];
    for (const c of SEPARATOR_CANDIDATES) {
      const k = classOf(c) & CLASS_MASK;
      let inert = k === C_SPACE || k === C_LINEBREAK || k === C_DASH || k === C_BREAK;
      if (k === C_APOS || k === C_PUNCT) {
        const id = c < 128 ? this.asciiPunct[c]! : this.vocab.lookupString(foldOf(c));
        inert = id < 0 || this.next(TOKEN_ROOT, id) < 0;
      }
      if (inert) out.push(c);
    }
    return out;
  }

  /** Child of `node` along `label`, or -1. */
  next(node: number, label: number): number {
    if (node === TOKEN_ROOT && label >= 0) {
      const c = this.rootChild[label];
      return c === undefined ? -1 : c;
    }
    return this.edges.get(node, label);
  }

  /** Approximate size of the typed arrays, for the benchmark. */
  get byteSize(): number {
    const arrays = [this.lowerStarts, this.rootChild, this.nodeHead, this.entryNext, this.entryEntity, this.entryForm, this.entryMeta, this.entryPriority, this.entryAux];
    return this.vocab.byteSize + this.edges.byteSize + arrays.reduce((s, a) => s + a.byteLength, 0);
  }
}
