/** Builders of valid entities and packs for the kb tests (not shipped). */
import type { Entity, Pack } from './schema';

/** A valid person entity with one English alias per given text. */
export function entity(id: string, over: Partial<Entity> = {}): Entity {
  return {
    id,
    category: 'person',
    name: `Name ${id}`,
    description: `Description of ${id}`,
    summary: '',
    facts: [],
    aliases: [{ text: `Alias ${id}`, lang: 'en', case: 'exact', kind: 'name' }],
    related: [],
    sources: [],
    priority: 0,
    ...over,
  };
}

/** A valid pack holding `entities`. */
export function pack(id: string, entities: Entity[], over: Partial<Pack> = {}): Pack {
  return {
    format: 1,
    id,
    name: `Pack ${id}`,
    version: '1',
    licence: 'CC0-1.0',
    attribution: 'Test data',
    entities,
    ...over,
  };
}

/** `n` entities with ids Q1..Qn (offset by `start`). */
export function manyEntities(n: number, start = 1, over: Partial<Entity> = {}): Entity[] {
  return Array.from({ length: n }, (_, i) => entity(`Q${start + i}`, over));
}
