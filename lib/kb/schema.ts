/**
 * The knowledge-base schema: TypeScript types and the runtime validator (valibot) for
 * entities and knowledge packs. Used by the build-time compiler (scripts/build-kb.ts),
 * by pack import in the extension, and by tests.
 */
import * as v from 'valibot';
import { CATEGORIES, type Category } from '../categories';

export { CATEGORIES, type Category };

/**
 * How an alias may match page text.
 * - `exact`: only as written ("US", "AP", "Park", "China", "Foreign Policy"); an ALL-CAPS
 *   rendering of a form with 4+ letters is also accepted (headlines, photo credits: "YONHAP").
 * - `fold`: case-insensitive ("cold war" for Cold War, "Kyiv"/"KYIV"/"kyiv").
 * Diacritics, dashes, apostrophes and spaces are always normalized, whatever the rule.
 */
export const CASE_RULES = ['exact', 'fold'] as const;
export type CaseRule = (typeof CASE_RULES)[number];

/**
 * What an alias is, which drives disambiguation:
 * - `name`: a full name or an unambiguous form (matches on its own).
 * - `short`: a short form that is unambiguous in the news (e.g. "Putin", "Shoigu", "Assad").
 * - `surname`: a bare surname/given name that needs an antecedent: it resolves only to an
 *   entity named in full earlier on the page ("Kim", "Park", "Moon").
 * - `acronym`: an abbreviation ("IAEA", "IRGC"); always `exact` case.
 * - `demonym`: adjective/people form ("Iranian"); a lower-priority match.
 */
export const ALIAS_KINDS = ['name', 'short', 'surname', 'acronym', 'demonym'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

const MAX_TEXT = 2000;
const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date YYYY, YYYY-MM or YYYY-MM-DD'),
);

export const AliasSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** BCP 47 language tag of the form, e.g. "en", "ru", "ko", "ja", "zh". */
  lang: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag')),
  case: v.optional(v.picklist(CASE_RULES), 'exact'),
  kind: v.optional(v.picklist(ALIAS_KINDS), 'name'),
});
export type Alias = v.InferOutput<typeof AliasSchema>;

export const FactSchema = v.object({
  label: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  value: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  /** When the fact was last known true; required for facts that change (offices, roles). */
  asOf: v.optional(isoDate),
});
export type Fact = v.InferOutput<typeof FactSchema>;

export const SourceSchema = v.object({
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  url: v.pipe(v.string(), v.url(), v.regex(/^https:\/\//, 'must be an https URL')),
});
export type Source = v.InferOutput<typeof SourceSchema>;

export const EntitySchema = v.object({
  /** Stable id: the Wikidata QID ("Q7747") where one exists, else "gloss:<slug>". */
  id: v.pipe(v.string(), v.regex(/^(Q\d+|[a-z][a-z0-9-]*:[a-z0-9][a-z0-9-]*)$/, 'must be a QID or prefix:slug')),
  category: v.picklist(CATEGORIES),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  description: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  summary: v.optional(v.pipe(v.string(), v.maxLength(600)), ''),
  facts: v.optional(v.pipe(v.array(FactSchema), v.maxLength(30)), []),
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1), v.maxLength(500)),
  related: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(50)), []),
  sources: v.optional(v.pipe(v.array(SourceSchema), v.maxLength(10)), []),
  /**
   * Tie-breaker when several entities share a surface form: higher wins (default 0).
   * E.g. Washington, D.C. outranks Washington state and George Washington in the news.
   */
  priority: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-100), v.maxValue(100)), 0),
  /** Which pack the entity came from; filled in by the compiler/importer. */
  pack: v.optional(v.pipe(v.string(), v.maxLength(100))),
});
export type Entity = v.InferOutput<typeof EntitySchema>;
export type EntityInput = v.InferInput<typeof EntitySchema>;

export const PACK_FORMAT = 1;

export const PackMetaSchema = v.object({
  format: v.literal(PACK_FORMAT),
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a short lowercase id')),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  version: v.pipe(v.string(), v.minLength(1), v.maxLength(50)),
  licence: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  attribution: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT)),
  description: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
});
export type PackMeta = v.InferOutput<typeof PackMetaSchema>;

export const PackSchema = v.object({
  ...PackMetaSchema.entries,
  entities: v.array(EntitySchema),
});
export type Pack = v.InferOutput<typeof PackSchema>;

/** A source file under kb/sources/: a list of entities of one domain (no pack header). */
export const SourceFileSchema = v.object({
  $comment: v.optional(v.string()),
  entities: v.array(EntitySchema),
});
