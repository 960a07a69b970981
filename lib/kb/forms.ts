/**
 * Turns knowledge-base entities into the recognizer's surface forms. Pure: used by the
 * background store (lib/kb/db.ts) and by tests and build scripts.
 */
import type { Entity } from './schema';
import type { SurfaceForm } from '@/lib/recognize/types';

/**
 * The surface forms of entities: every alias with its case rule and kind, plus the display
 * name (kind `name`, case `exact`) unless an alias already matches it — an alias with the
 * same text, or a `fold` alias equal to it ignoring case. Identical (text, entityId) pairs
 * are emitted once; the first one listed wins, so authors control which rule applies.
 * Priority is the entity's.
 */
export function formsFromEntities(entities: readonly Entity[]): SurfaceForm[] {
  const out: SurfaceForm[] = [];
  const seen = new Set<string>();
  const push = (f: SurfaceForm) => {
    // NUL cannot occur in validated text, so it is a safe separator.
    const key = `${f.entityId}\u0000${f.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  for (const e of entities) {
    const priority = e.priority ?? 0;
    for (const a of e.aliases) {
      push({ text: a.text, entityId: e.id, category: e.category, case: a.case, kind: a.kind, priority });
    }
    if (!nameCovered(e)) {
      push({ text: e.name, entityId: e.id, category: e.category, case: 'exact', kind: 'name', priority });
    }
  }
  return out;
}

function nameCovered(e: Entity): boolean {
  const name = e.name.normalize('NFC');
  const lower = name.toLowerCase();
  return e.aliases.some((a) => {
    const text = a.text.normalize('NFC');
    return text === name || (a.case === 'fold' && text.toLowerCase() === lower);
  });
}
