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
