/**
 * Gloss's recognition engine: finds the entities of a knowledge base in page text. Pure
 * TypeScript (no DOM, no extension APIs); the knowledge base comes in as surface forms.
 * Rules are described in README.md.
 */
import { buildMatcher } from './build.ts';
import { CompiledMatcher } from './compile.ts';
import { PageRecognizer } from './recognizer.ts';
import { deserializeCompiled, serializeCompiled } from './serialize.ts';
import type { Mention, SerializedMatcher, SurfaceForm } from './types.ts';

/** A compiled set of surface forms. Build once, share between documents. */
export interface Matcher {
  /** Forms accepted into the matcher (forms that cannot match, e.g. a bare 金, are dropped). */
  readonly formCount: number;
}

/** Recognition state for one page. */
export interface DocumentRecognizer {
  /**
   * Recognizes one chunk of page text (e.g. one paragraph/block, in document order); keeps
   * page-level coreference state across calls. Returns mentions with offsets into `text`,
   * ordered, non-overlapping.
   */
  feed(text: string): Mention[];
  /** Entities mentioned so far on the page, with counts. */
  seen(): ReadonlyMap<string, number>;
  reset(): void;
}

/**
 * Compiles surface forms into a matcher (token trie for spaced scripts, character trie for
 * Han/kana/Thai). About 100k forms in well under 300 ms.
 */
export function compileMatcher(forms: SurfaceForm[]): Matcher {
  return buildMatcher(forms);
}

function compiled(m: Matcher): CompiledMatcher {
  if (!(m instanceof CompiledMatcher)) throw new TypeError('not a matcher from compileMatcher()');
  return m;
}

/** Starts recognition of one page (document-level coreference across `feed` calls). */
export function createDocumentRecognizer(m: Matcher): DocumentRecognizer {
  return new PageRecognizer(compiled(m));
}

/**
 * Turns a matcher into plain JSON-safe data (strings, numbers, arrays) that
 * `deserializeMatcher` restores: compile once, ship the result to every page. For the
 * bundled knowledge base, well under half the size of its surface forms as JSON.
 */
export function serializeMatcher(m: Matcher): SerializedMatcher {
  return serializeCompiled(compiled(m));
}

/**
 * Restores a matcher from `serializeMatcher`'s output without compiling anything: a base64
 * decode and typed-array views. Throws `SerializedMatcherError` when the data has another
 * format version (serialized by another release) or is damaged. By default every index is
 * checked (a checksum and loops over all arrays); `trusted: true` skips those loops for
 * data that comes straight from `serializeMatcher` in this release (header and sizes are
 * still checked), which is what keeps restoring on a page to a few milliseconds.
 */
export function deserializeMatcher(s: SerializedMatcher, opts: { trusted?: boolean } = {}): Matcher {
  return deserializeCompiled(s, opts.trusted === true);
}

/** Recognizes `text` as one fresh document. */
export function recognize(m: Matcher, text: string): Mention[] {
  return createDocumentRecognizer(m).feed(text);
}

export { MATCHER_FORMAT, SerializedMatcherError } from './serialize.ts';
export * from './types.ts';
