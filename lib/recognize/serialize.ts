/**
 * The matcher as plain data, so that it is compiled once (in the background) and only
 * restored on each page. All integer arrays, the two hash tables included, are packed as
 * they are used (pack.ts) and sent as base64: restoring is a base64 decode and typed-array
 * views, with no per-element JS work. Full verification (checksum, every index in range,
 * every probe sequence ending) is for data from storage; data straight from the compiler can
 * skip it (`trusted`). A blob of another layout version is always rejected.
 */
import { decodeBase64, encodeBase64 } from './base64.ts';
import { CATEGORY_LIST, CompiledMatcher, KINDS, M_CHARS } from './compile.ts';
import { checksumOf, packSections, type SectionArray, type SectionKind, unpackSections } from './pack.ts';
import { EdgeTable } from './edge-table.ts';
import { MIN_LOWER_WORDS } from './lower-starts.ts';
import { Vocab } from './tables.ts';
import type { SerializedMatcher } from './types.ts';

/** Bump whenever the packed layout or the meaning of any field changes. */
export const MATCHER_FORMAT = 3;
const FORMAT_NAME = 'gloss-matcher';

const SECTIONS = {
  vocabSlots: 'i32', vocabOffs: 'i32', vocabChars: 'u16', vocabFlags: 'u8', vocabFilter: 'i32',
  edgeNode: 'i32', edgeLabel: 'i32', edgeChild: 'i32', asciiPunct: 'i32', lowerStarts: 'i32', rootChild: 'i32', nodeHead: 'i32',
  entryNext: 'i32', entryEntity: 'i32', entryForm: 'i32', entryMeta: 'i32', entryPriority: 'i32', entryAux: 'i32',
} as const satisfies Record<string, SectionKind>;
type Name = keyof typeof SECTIONS;
type Sections = { [K in Name]: (typeof SECTIONS)[K] extends 'i32' ? Int32Array : (typeof SECTIONS)[K] extends 'u16' ? Uint16Array : Uint8Array };
const NAMES = Object.keys(SECTIONS) as Name[];

const F_PLURAL = 1;
const F_INFLECT = 2;
const F_HANGUL = 4;

/** Thrown when a serialized matcher is of another layout version, or damaged. */
export class SerializedMatcherError extends Error {
  override name = 'SerializedMatcherError';
}

function fail(what: string): never {
  throw new SerializedMatcherError(`Gloss: corrupt serialized matcher (${what})`);
}

/** Serializes a compiled matcher (see `SerializedMatcher`). */
export function serializeCompiled(m: CompiledMatcher): SerializedMatcher {
  const v = m.vocab.parts();
  const e = m.edges.parts();
  const sections: Sections = {
    vocabSlots: v.slots, vocabOffs: v.offs, vocabChars: v.chars, vocabFlags: v.flags, vocabFilter: v.filter,
    edgeNode: e.node, edgeLabel: e.label, edgeChild: e.child, asciiPunct: m.asciiPunct, lowerStarts: m.lowerStarts, rootChild: m.rootChild,
    nodeHead: m.nodeHead, entryNext: m.entryNext, entryEntity: m.entryEntity, entryForm: m.entryForm,
    entryMeta: m.entryMeta, entryPriority: m.entryPriority, entryAux: m.entryAux,
  };
  const { layout, buffer } = packSections(NAMES.map((n) => sections[n]));
  return {
    format: FORMAT_NAME,
    version: MATCHER_FORMAT,
    formCount: m.formCount,
    skippedForms: m.skippedForms,
    flags: (m.hasPluralStems ? F_PLURAL : 0) | (m.hasInflect ? F_INFLECT : 0) | (m.hasHangul ? F_HANGUL : 0),
    entityIds: [...m.entityIds],
    formTexts: [...m.formTexts],
    layout,
    checksum: checksumOf(buffer),
    data: encodeBase64(new Uint8Array(buffer)),
  };
}

function header(input: unknown): SerializedMatcher {
  if (typeof input !== 'object' || input === null || (input as Partial<SerializedMatcher>).format !== FORMAT_NAME) {
    throw new SerializedMatcherError('Gloss: not a serialized matcher');
  }
  const s = input as SerializedMatcher;
  if (s.version !== MATCHER_FORMAT) {
    throw new SerializedMatcherError(
      `Gloss: serialized matcher has format version ${String(s.version)}, this code reads version ${MATCHER_FORMAT}; compile it again`,
    );
  }
  if (typeof s.data !== 'string' || !Array.isArray(s.entityIds) || !Array.isArray(s.formTexts) || s.formTexts.length !== s.formCount) fail('fields');
  if (!Number.isInteger(s.flags) || !Number.isInteger(s.skippedForms) || !Number.isInteger(s.checksum)) fail('fields');
  return s;
}

function unpack(s: SerializedMatcher): { sec: Sections; buffer: ArrayBuffer } {
  try {
    const { arrays, buffer } = unpackSections(NAMES.map((n) => SECTIONS[n]), s.layout, decodeBase64(s.data));
    const sec = Object.fromEntries(NAMES.map((n, k) => [n, arrays[k]])) as Sections;
    return { sec, buffer };
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
}

function isLowerSetSize(words: number): boolean {
  return words >= MIN_LOWER_WORDS && (words & (words - 1)) === 0 && words <= 1 << 24;
}

/** True when every value of `a` is in [lo, hi). */
function inRange(a: SectionArray, lo: number, hi: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i]! < lo || a[i]! >= hi) return false;
  return true;
}

/** Per-element checks: every index in range, every probe sequence and entry list ends. */
function verify(s: SerializedMatcher, sec: Sections, buffer: ArrayBuffer): void {
  if (checksumOf(buffer) !== s.checksum) fail('checksum');
  for (const x of [...s.entityIds, ...s.formTexts]) if (typeof x !== 'string') fail('strings');
  const tokens = sec.vocabFlags.length;
  const nodes = sec.nodeHead.length;
  const entries = sec.entryNext.length;
  if (!inRange(sec.vocabSlots, 0, tokens + 1) || !sec.vocabSlots.includes(0)) fail('vocabulary slots');
  for (let id = 0; id < tokens; id++) if (sec.vocabOffs[id + 1]! < sec.vocabOffs[id]!) fail('vocabulary offsets');
  if (!inRange(sec.asciiPunct, -1, tokens)) fail('asciiPunct');
  if (!inRange(sec.edgeNode, -1, nodes) || !sec.edgeNode.includes(-1) || !inRange(sec.edgeChild, 0, nodes)) fail('edges');
  if (!inRange(sec.rootChild, -1, nodes) || !inRange(sec.nodeHead, -1, entries)) fail('nodes');
  if (!inRange(sec.entryEntity, 0, s.entityIds.length) || !inRange(sec.entryForm, 0, s.formTexts.length)) fail('entries');
  for (let e = 0; e < entries; e++) {
    const next = sec.entryNext[e]!;
    const meta = sec.entryMeta[e]!;
    // Lists only point back, so walking one always ends.
    if (next >= e || next < -1) fail('entryNext');
    if (meta < 0 || (meta & 7) >= KINDS.length || ((meta >> 4) & 7) >= CATEGORY_LIST.length || meta >> 7 > M_CHARS) fail('entryMeta');
  }
}

/**
 * Restores a matcher from `serializeCompiled`'s output; throws `SerializedMatcherError`.
 * `trusted` skips the per-element checks (sizes and the header are always checked).
 */
export function deserializeCompiled(input: unknown, trusted = false): CompiledMatcher {
  const s = header(input);
  const { sec, buffer } = unpack(s);
  const entries = sec.entryNext.length;
  for (const n of ['entryEntity', 'entryForm', 'entryMeta', 'entryPriority', 'entryAux'] as const) {
    if (sec[n].length !== entries) fail(n);
  }
  if (sec.asciiPunct.length !== 128 || !isLowerSetSize(sec.lowerStarts.length) || sec.nodeHead.length < 2 || sec.rootChild.length > sec.vocabFlags.length) fail('sizes');
  if (!trusted) verify(s, sec, buffer);
  let vocab: Vocab;
  let edges: EdgeTable;
  try {
    vocab = Vocab.fromParts({ slots: sec.vocabSlots, offs: sec.vocabOffs, chars: sec.vocabChars, flags: sec.vocabFlags, filter: sec.vocabFilter });
    edges = EdgeTable.fromParts({ node: sec.edgeNode, label: sec.edgeLabel, child: sec.edgeChild });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  return new CompiledMatcher({
    vocab,
    asciiPunct: sec.asciiPunct,
    lowerStarts: sec.lowerStarts,
    hasPluralStems: (s.flags & F_PLURAL) !== 0,
    hasInflect: (s.flags & F_INFLECT) !== 0,
    hasHangul: (s.flags & F_HANGUL) !== 0,
    edges,
    rootChild: sec.rootChild,
    nodeHead: sec.nodeHead,
    entryNext: sec.entryNext,
    entryEntity: sec.entryEntity,
    entryForm: sec.entryForm,
    entryMeta: sec.entryMeta,
    entryPriority: sec.entryPriority,
    entryAux: sec.entryAux,
    entityIds: s.entityIds,
    formTexts: s.formTexts,
    skippedForms: s.skippedForms,
  });
}
