/**
 * Types shared by the recognition engine and its callers. Kept free of any import so that
 * lib/recognize stays pure (no DOM, no browser, no idb); mirrors lib/kb/schema.ts.
 */
export type Category = 'person' | 'place' | 'organization' | 'weapon' | 'event';
export type CaseRule = 'exact' | 'fold';
export type AliasKind = 'name' | 'short' | 'surname' | 'acronym' | 'demonym';

/** One surface form of one entity, as the knowledge base provides it. */
export interface SurfaceForm {
  text: string;
  entityId: string;
  category: Category;
  case: CaseRule;
  kind: AliasKind;
  /** Higher wins when several entities share a form (default 0). */
  priority: number;
}

/** A recognized mention: [start, end) offsets in UTF-16 code units of the original text. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
  category: Category;
  /** `coref` when a bare surname was resolved to an entity named earlier on the page. */
  via: 'direct' | 'coref';
}

/**
 * A compiled matcher as plain JSON-safe data (`serializeMatcher` / `deserializeMatcher`), so
 * that it can be built once and sent by extension messaging or kept in IndexedDB. Opaque to
 * callers: only `format`, `version` and `formCount` are meant to be read.
 */
export interface SerializedMatcher {
  format: 'gloss-matcher';
  /** Layout version; a matcher serialized in another layout is rejected, not misread. */
  version: number;
  formCount: number;
  skippedForms: number;
  /** Bit set: 1 plural stems, 2 inflection stems, 4 Hangul forms. */
  flags: number;
  entityIds: string[];
  formTexts: string[];
  /** Per packed section, in a fixed order: element width in bytes (1, 2 or 4) and length. */
  layout: number[];
  /** Checksum over the packed bytes. */
  checksum: number;
  /** The packed sections (integer arrays and the vocabulary's characters), base64. */
  data: string;
}
