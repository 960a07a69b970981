/**
 * Test support for lib/content unit tests under happy-dom, which lacks StaticRange and the
 * Highlight API: minimal stand-ins with the same shape (the browser tests in e2e/ use the
 * real ones), plus a small knowledge base in surface-form shape.
 */
import type { SurfaceForm } from '@/lib/recognize/types';

class TestStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  readonly collapsed: boolean;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
    this.collapsed = init.startContainer === init.endContainer && init.startOffset === init.endOffset;
  }
}

class TestHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
}

/** Installs StaticRange / Highlight / CSS.highlights where the environment has none. */
export function installHighlightShims(): void {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.StaticRange !== 'function') g.StaticRange = TestStaticRange;
  if (typeof g.Highlight !== 'function') g.Highlight = TestHighlight;
  const css = g.CSS as Record<string, unknown> | undefined;
  if (!css?.highlights) {
    // happy-dom's global CSS is a getter returning a fresh object: pin one with a registry.
    const pinned = Object.assign(Object.create((css ?? {}) as object) as object, { highlights: new Map() });
    Object.defineProperty(globalThis, 'CSS', { value: pinned, configurable: true, writable: true });
  }
}

function form(
  text: string,
  entityId: string,
  category: SurfaceForm['category'],
  kind: SurfaceForm['kind'] = 'name',
  rule: SurfaceForm['case'] = 'exact',
): SurfaceForm {
  return { text, entityId, category, kind, case: rule, priority: 0 };
}

/** A few entities, enough to exercise names across inline elements, surnames and places. */
export const TEST_FORMS: SurfaceForm[] = [
  form('Vladimir Putin', 'Q7747', 'person'),
  form('Putin', 'Q7747', 'person', 'short'),
  form('Kim Jong-un', 'Q56226', 'person'),
  form('Kim', 'Q56226', 'person', 'surname'),
  form('Kursk', 'Q4258', 'place', 'name', 'fold'),
  form('North Korea', 'Q423', 'place'),
  form('Hezbollah', 'Q41053', 'organization'),
  form('Geran-2', 'gloss:geran-2', 'weapon'),
];
