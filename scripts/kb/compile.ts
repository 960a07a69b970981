/**
 * The knowledge-base compiler's steps, kept free of file-system side effects where possible:
 * validate source entities, merge curated data over generated geography, drop dangling
 * related ids, report colliding surface forms, and serialize packs deterministically.
 */
import * as v from 'valibot';
import { EntitySchema, PACK_FORMAT, type Entity, type EntityInput, type PackMeta } from '../../lib/kb/schema';
import { formKey } from './text';

/** An entity as read from a file, before validation. */
export interface SourceItem {
  file: string;
  index: number;
  raw: unknown;
}

/** Thrown for problems that must fail the build; the message names file and entity. */
export class KbBuildError extends Error {}

function label(raw: unknown, index: number): string {
  const r = (raw ?? {}) as { id?: unknown; name?: unknown };
  const id = typeof r.id === 'string' ? r.id : undefined;
  const name = typeof r.name === 'string' ? r.name : undefined;
  return `entity #${index}${id ? ` ${id}` : ''}${name ? ` ("${name}")` : ''}`;
}

/** Validates every item; collects all problems and throws one error listing them. */
export function validateItems(items: readonly SourceItem[]): Array<Entity & { file: string }> {
  const problems: string[] = [];
  const out: Array<Entity & { file: string }> = [];
  const seen = new Map<string, string>();
  for (const { file, index, raw } of items) {
    const res = v.safeParse(EntitySchema, raw);
    if (!res.success) {
      for (const issue of res.issues.slice(0, 5)) {
        problems.push(`${file}: ${label(raw, index)}: ${v.getDotPath(issue) ?? '(entity)'}: ${issue.message}`);
      }
      continue;
    }
    const prev = seen.get(res.output.id);
    if (prev) problems.push(`${file}: ${label(raw, index)}: duplicate id (also in ${prev})`);
    seen.set(res.output.id, file);
    out.push({ ...res.output, file });
  }
  if (problems.length) {
    throw new KbBuildError(`Invalid knowledge-base entities (${problems.length}):\n  ${problems.join('\n  ')}`);
  }
  return out;
}

/** Adds the aliases of `extra` that `base` lacks (compared by normalized form). */
function withAliases(base: Entity, extra: Entity): Entity {
  const have = new Set(base.aliases.map((a) => formKey(a.text)));
  const added = extra.aliases.filter((a) => !have.has(formKey(a.text)));
  return added.length ? { ...base, aliases: [...base.aliases, ...added] } : base;
}

export interface MergeResult {
  /** Entities per pack id, in pack order. */
  packs: Map<string, Entity[]>;
  /** Generated entities replaced by a curated one: [generated id, curated id]. */
  replaced: Array<[string, string]>;
}

/**
 * Merges curated entities over generated ones. A curated entity replaces a generated one
 * with the same id, or a generated place with the same display name (a hand-written
 * "Sevastopol" supersedes the GeoNames city); it keeps the generated aliases it lacks.
 */
export function mergePacks(generated: Map<string, Entity[]>, curatedPack: string, curated: Entity[]): MergeResult {
  const byId = new Map<string, Entity>();
  const placeByName = new Map<string, Entity>();
  for (const e of curated) {
    byId.set(e.id, e);
    if (e.category === 'place') placeByName.set(formKey(e.name, true), e);
  }
  const replaced: Array<[string, string]> = [];
  const merged = new Map(curated.map((e) => [e.id, e]));
  const packs = new Map<string, Entity[]>();
  for (const [packId, entities] of generated) {
    const kept: Entity[] = [];
    for (const g of entities) {
      const c = byId.get(g.id) ?? (g.category === 'place' ? placeByName.get(formKey(g.name, true)) : undefined);
      if (!c) {
        kept.push({ ...g, pack: packId });
        continue;
      }
      merged.set(c.id, withAliases(merged.get(c.id) ?? c, g));
      if (c.id !== g.id) replaced.push([g.id, c.id]);
    }
    packs.set(packId, kept);
  }
  packs.set(curatedPack, curated.map((e) => ({ ...(merged.get(e.id) ?? e), pack: curatedPack })));
  // Links that pointed at a replaced entity now point at its replacement.
  const rename = new Map(replaced);
  for (const [id, list] of packs) {
    packs.set(id, list.map((e) => ({ ...e, related: e.related.map((r) => rename.get(r) ?? r) })));
  }
  return { packs, replaced };
}

/**
 * Removes related ids that exist in no pack (and self-links, and repeats). Returns the
 * dropped links as [entity id, missing id] so the build can name them.
 */
export function dropUnknownRelated(packs: Map<string, Entity[]>): Array<[string, string]> {
  const ids = new Set([...packs.values()].flatMap((list) => list.map((e) => e.id)));
  const dropped: Array<[string, string]> = [];
  for (const [packId, list] of packs) {
    packs.set(packId, list.map((e) => {
      const related = [...new Set(e.related)].filter((r) => ids.has(r) && r !== e.id);
      for (const r of e.related) if (!ids.has(r)) dropped.push([e.id, r]);
      return related.length === e.related.length ? e : { ...e, related };
    }));
  }
  return dropped;
}

export interface Collision {
  form: string;
  entities: string[];
}

/**
 * Surface forms that several entities claim at the same (top) priority, other than bare
 * surnames, which are resolved from context by design. Exact-case forms only collide with
 * forms spelled the same way; a fold-case form collides with any casing.
 */
export function findCollisions(entities: readonly Entity[]): Collision[] {
  type Claim = { id: string; priority: number; text: string; fold: boolean };
  const claims = new Map<string, Claim[]>();
  for (const e of entities) {
    for (const a of e.aliases) {
      if (a.kind === 'surname') continue;
      const key = formKey(a.text, true);
      const list = claims.get(key) ?? [];
      if (!list.some((c) => c.id === e.id)) list.push({ id: e.id, priority: e.priority, text: a.text, fold: a.case === 'fold' });
      claims.set(key, list);
    }
  }
  const out: Collision[] = [];
  for (const list of claims.values()) {
    if (list.length < 2) continue;
    const top = Math.max(...list.map((c) => c.priority));
    const best = list.filter((c) => c.priority === top);
    const clash = best.filter((c) =>
      best.some((d) => d.id !== c.id && (c.fold || d.fold || formKey(c.text) === formKey(d.text))),
    );
    if (clash.length > 1) out.push({ form: clash[0]?.text ?? '', entities: clash.map((c) => c.id).sort() });
  }
  return out.sort((a, b) => a.form.localeCompare(b.form, 'en'));
}

/** Rebuilds an entity with a fixed key order so the JSON output is stable. */
export function canonicalEntity(e: Entity | EntityInput, pack?: string): Entity {
  return {
    id: e.id,
    category: e.category,
    name: e.name,
    description: e.description,
    summary: e.summary ?? '',
    facts: (e.facts ?? []).map((f) => (f.asOf ? { label: f.label, value: f.value, asOf: f.asOf } : { label: f.label, value: f.value })),
    aliases: e.aliases.map((a) => ({ text: a.text, lang: a.lang, case: a.case ?? 'exact', kind: a.kind ?? 'name' })),
    related: [...(e.related ?? [])],
    sources: (e.sources ?? []).map((s) => ({ title: s.title, url: s.url })),
    priority: e.priority ?? 0,
    ...((pack ?? e.pack) ? { pack: pack ?? e.pack } : {}),
  };
}

/**
 * Serializes a pack as minified JSON with the schema's key order, one entity per line. The
 * layout lets the extension seed without parsing entities (lib/kb/bundle-text.ts): each line
 * is stored as the entity's text.
 */
export function serializePack(meta: Omit<PackMeta, 'format'>, entities: readonly Entity[]): string {
  const header = {
    format: PACK_FORMAT,
    id: meta.id,
    name: meta.name,
    version: meta.version,
    licence: meta.licence,
    attribution: meta.attribution,
    ...(meta.description ? { description: meta.description } : {}),
  };
  const lines = entities.map((e) => JSON.stringify(canonicalEntity(e, meta.id)));
  const body = lines.length ? `${lines.join(',\n')}\n` : '';
  return `${JSON.stringify(header).slice(0, -1)},"entities":[\n${body}]}`;
}
