/**
 * Last step of the conversion: a classified `Candidate` plus the labels of the items its
 * facts name becomes a Gloss entity that passes `EntitySchema`.
 */
import * as v from 'valibot';
import { EntitySchema, type Alias, type AliasKind, type Category, type Entity, type Fact } from '../../lib/kb/schema';
import type { Candidate, PendingFact } from './candidate';

const MAX_ALIASES = 500;
// Scripts written without spaces between words: a single "word" there is not a surname.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

export interface FinalizeStats {
  /** Facts dropped because an item they name has no label in the input. */
  unresolvedFacts: number;
  invalid: string[];
}

/**
 * Builds the entity, or undefined (reason added to `stats.invalid`) if it fails the schema.
 * `labelOf` returns an item's label in the preferred language, if the input had it.
 */
export function finalize(
  c: Candidate,
  category: Category,
  langs: readonly string[],
  labelOf: (qid: string) => string | undefined,
  stats: FinalizeStats,
): Entity | undefined {
  const first = <T>(m: Map<string, T>) => langs.map((l) => m.get(l)).find((x) => x !== undefined);
  const name = first(c.labels)!;
  const entity = {
    id: c.id,
    category,
    name: name.slice(0, 200),
    description: (first(c.descriptions) ?? category).slice(0, 200),
    facts: c.facts.flatMap((f) => resolveFact(f, category, labelOf, stats)).slice(0, 30),
    aliases: aliasesOf(c, category, langs),
    sources: c.sources.slice(0, 10),
  };
  const res = v.safeParse(EntitySchema, entity);
  if (res.success) return res.output;
  const issue = res.issues[0];
  stats.invalid.push(`${c.id}: ${v.getDotPath(issue) ?? ''} ${issue.message}`);
  return undefined;
}

function resolveFact(f: PendingFact, category: Category, labelOf: (q: string) => string | undefined, stats: FinalizeStats): Fact[] {
  let value = f.text;
  if (f.refs) {
    const names = f.refs.map(labelOf);
    if (names.some((n) => n === undefined)) {
      stats.unresolvedFacts++;
      const known = names.filter((n): n is string => n !== undefined);
      if (!known.length) return [];
      value = known.join(', ');
    } else value = names.join(', ');
    value += f.suffix ?? '';
  }
  if (!value) return [];
  const label = f.label === 'Inception' ? (category === 'organization' ? 'Founded' : category === 'place' ? 'Established' : 'Inception') : f.label;
  return [{ label, value: value.slice(0, 300), ...(f.asOf ? { asOf: f.asOf } : {}) }];
}

/** Labels first, then aliases, per language in `langs` order; each text once. */
function aliasesOf(c: Candidate, category: Category, langs: readonly string[]): Alias[] {
  const out: Alias[] = [];
  const seen = new Set<string>();
  const label = langs.map((l) => c.labels.get(l)).find((x) => x !== undefined) ?? '';
  const add = (text: string, lang: string, isLabel: boolean) => {
    const t = text.trim();
    if (t.length < 2 || t.length > 200 || seen.has(t) || !/\p{L}/u.test(t)) return;
    seen.add(t);
    out.push({ text: t, lang, case: 'exact', kind: isLabel ? 'name' : kindOf(t, category, label) });
  };
  for (const lang of langs) {
    const l = c.labels.get(lang);
    if (l) add(l, lang, true);
  }
  for (const lang of langs) for (const a of c.aliases.get(lang) ?? []) add(a, lang, false);
  return out.slice(0, MAX_ALIASES);
}

/**
 * Acronyms ("IAEA") are marked as such; a one-word alias of a person ("Putin", "Kim") is a
 * `surname` that only resolves after the full name appears, since it is ambiguous alone.
 */
function kindOf(text: string, category: Category, label: string): AliasKind {
  if (/^(?=(?:.*\p{Lu}){2})[\p{Lu}\d&.-]{2,8}$/u.test(text) && !/^\d/.test(text)) return 'acronym';
  if (category === 'person' && !/\s/.test(text) && !UNSPACED.test(text) && text !== label) return 'surname';
  return 'name';
}
