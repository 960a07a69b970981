/** Helpers shared by the recognizer's unit tests. */
import { type Matcher, recognize } from './index.ts';
import type { SurfaceForm } from './types.ts';

/** A surface form with test defaults (person, exact, name, priority 0). */
export function form(text: string, entityId: string, opts: Partial<SurfaceForm> = {}): SurfaceForm {
  return { text, entityId, category: 'person', case: 'exact', kind: 'name', priority: 0, ...opts };
}

/** Recognizes `text` and renders each mention as "surface=entity" for compact assertions. */
export function found(m: Matcher, text: string): string[] {
  return recognize(m, text).map((x) => `${text.slice(x.start, x.end)}=${x.entityId}`);
}
