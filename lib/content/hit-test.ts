/**
 * From a pointer position to the mention under it. Highlights have no events, so: ask the
 * browser for the caret position at the point, look that text offset up in the per-node
 * index, and confirm the point really lies inside the mention's client rects (caret APIs
 * snap to the nearest caret, even from the margin beside a line).
 */
import type { MentionStore, PageMention } from './mention-store';
import { categoryOfHighlight } from './highlights';
import type { Category } from '@/lib/kb/schema';

export interface Hit {
  mention: PageMention;
  /** The client rect (line box piece) of the mention that holds the point. */
  rect: DOMRect;
}

interface CaretPositionLike {
  offsetNode: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, opts?: { shadowRoots?: ShadowRoot[] }) => CaretPositionLike | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text node and offset at a viewport point, piercing the given open shadow roots. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** A live Range for a mention (StaticRanges have no geometry), or null if it went stale. */
export function liveRange(m: PageMention): Range | null {
  const sr = m.range;
  const doc = sr.startContainer.ownerDocument;
  if (!doc) return null;
  try {
    const r = doc.createRange();
    r.setStart(sr.startContainer, sr.startOffset);
    r.setEnd(sr.endContainer, sr.endOffset);
    return r;
  } catch {
    return null;
  }
}

/** The mention's client rect containing (x, y), with a pixel of slack. */
export function rectAtPoint(m: PageMention, x: number, y: number): DOMRect | null {
  const r = liveRange(m);
  if (!r) return null;
  for (const rect of r.getClientRects()) {
    if (rect.width === 0 && rect.height === 0) continue;
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return rect;
  }
  return null;
}

type HighlightsFromPoint = (x: number, y: number, opts?: { shadowRoots?: ShadowRoot[] }) => Highlight[];

function highlightCategoriesAt(x: number, y: number, shadowRoots: ShadowRoot[]): Set<Category> | null {
  const reg = (typeof CSS !== 'undefined' ? CSS.highlights : undefined) as
    (HighlightRegistry & { highlightsFromPoint?: HighlightsFromPoint }) | undefined;
  if (!reg || typeof reg.highlightsFromPoint !== 'function') return null;
  const found = new Set<Category>();
  const hls = reg.highlightsFromPoint(x, y, { shadowRoots });
  for (const [name, hl] of reg) {
    const c = categoryOfHighlight(name);
    if (c && hls.includes(hl)) found.add(c);
  }
  return found;
}

/**
 * The enabled mention under the point, or null. Uses the caret position first; where the
 * caret lands elsewhere (e.g. text in a shadow root the caret API did not enter), falls back
 * to `highlightsFromPoint` and the element under the point.
 */
export function hitTest(
  doc: Document,
  x: number,
  y: number,
  store: MentionStore,
  isEnabled: (c: Category) => boolean,
  shadowRoots: ShadowRoot[] = [],
): Hit | null {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (caret && caret.node.nodeType === 3) {
    for (const m of store.at(caret.node, caret.offset)) {
      if (!isEnabled(m.category)) continue;
      const rect = rectAtPoint(m, x, y);
      if (rect) return { mention: m, rect };
    }
    return null;
  }
  const cats = highlightCategoriesAt(x, y, shadowRoots);
  if (!cats || cats.size === 0) return null;
  const el = doc.elementFromPoint(x, y);
  if (!el) return null;
  for (const m of store.values()) {
    if (!cats.has(m.category) || !isEnabled(m.category)) continue;
    const first = m.nodes[0];
    if (!first || !(el.contains(first) || el.shadowRoot?.contains(first))) continue;
    const rect = rectAtPoint(m, x, y);
    if (rect) return { mention: m, rect };
  }
  return null;
}
