/**
 * Paints the mentions of very long text nodes (`LONG_TEXT_CHARS` in highlights.ts) by where they sit in the
 * text. The near-viewport painter works per element, and one element holding a 1 MB text node
 * with a name in every sentence registered all ~15,000 of its ranges: Chromium then spent
 * 150-250 ms a frame while they came and 0.3-0.9 s on every later DOM change. Here only the
 * stretch of text within the margin of the viewport is painted, found by bisecting the node's
 * character offsets with one-character ranges (layout is line by line, so the top of a
 * character never decreases along the node), and updated as the reader scrolls.
 */
import { startIn, type PageMention } from './mention-store';
import type { RangeSink } from './near-viewport';

/** The character offsets [from, to) of `node` within the band, or null when none are. */
export type SpanFinder = (node: Text, band: { top: number; bottom: number }) => [number, number] | null;

interface LongNode {
  /** Mentions by start offset in this node; null when a change needs it sorted again. */
  order: PageMention[] | null;
  live: Set<PageMention>;
  painted: Set<PageMention>;
}

/** Throttle for updates while scrolling or while a scan adds mentions. */
const UPDATE_MS = 100;
/**
 * How far beyond the viewport, in viewport heights, a long node's mentions stay painted.
 * Smaller than for elements: Chromium repaints such a node on every DOM change at a cost that
 * grows with the ranges registered in it (1 MB node: ~60 ms a frame for 360 ranges, 20-30 ms
 * for 140), and updates here follow the scroll itself, not an observer entry.
 */
export const LONG_TEXT_MARGIN = 0.25;


/** Bisects `node` by one-character ranges for the offsets whose lines meet the band. */
export const findSpan: SpanFinder = (node, band) => {
  const el = node.parentElement;
  const box = el?.getBoundingClientRect();
  if (!box || (box.width === 0 && box.height === 0)) return null;
  if (box.bottom < band.top || box.top > band.bottom) return null;
  const len = node.data.length;
  const range = node.ownerDocument.createRange();
  // A collapsed space at a line end may have no box: look a few characters on.
  const rectAt = (o: number): DOMRect | null => {
    for (let i = o; i < Math.min(len, o + 16); i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const r = range.getBoundingClientRect();
      if (r.height > 0) return r;
    }
    return null;
  };
  let a = 0;
  let b = len;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((rectAt(mid)?.bottom ?? Infinity) < band.top) a = mid + 1;
    else b = mid;
  }
  const from = a;
  b = len;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((rectAt(mid)?.top ?? -Infinity) > band.bottom) b = mid;
    else a = mid + 1;
  }
  range.detach();
  return from < a ? [from, a] : null;
};

export class LongTextPainter {
  private readonly nodes = new Map<Text, LongNode>();
  private readonly nodeOf = new Map<PageMention, Text>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listening: AbortController | null = null;

  constructor(
    private readonly sink: RangeSink,
    private readonly onChange: () => void = () => undefined,
    private readonly find: SpanFinder = findSpan,
  ) {}

  /** Takes a mention of a long node (see `longNodeOf` in highlights.ts); painted on the next update if near. */
  add(m: PageMention, node: Text): void {
    let s = this.nodes.get(node);
    if (!s) {
      s = { order: [], live: new Set(), painted: new Set() };
      this.nodes.set(node, s);
      this.listen(node.ownerDocument);
    }
    s.live.add(m);
    this.nodeOf.set(m, node);
    const last = s.order?.[s.order.length - 1];
    if (s.order && (!last || startIn(last, node) <= startIn(m, node))) s.order.push(m);
    else s.order = null;
    this.schedule();
  }

  /** Drops a mention; false when it was not one of a long node. */
  remove(m: PageMention): boolean {
    const node = this.nodeOf.get(m);
    if (!node) return false;
    this.nodeOf.delete(m);
    const s = this.nodes.get(node);
    if (s) {
      s.live.delete(m);
      s.painted.delete(m);
      s.order = null;
      if (s.live.size === 0) this.nodes.delete(node);
    }
    this.sink.remove(m);
    return true;
  }

  *active(): Iterable<PageMention> {
    for (const s of this.nodes.values()) yield* s.painted;
  }

  /** Paints what is near the viewport now and unpaints the rest; true when anything changed. */
  update(): boolean {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    let changed = false;
    for (const [node, s] of this.nodes) {
      const win = node.ownerDocument.defaultView;
      const vh = win?.innerHeight ?? 800;
      const span = node.isConnected ? this.find(node, { top: -LONG_TEXT_MARGIN * vh, bottom: vh * (1 + LONG_TEXT_MARGIN) }) : null;
      const order = (s.order ??= [...s.live].sort((x, y) => startIn(x, node) - startIn(y, node)));
      const near = new Set<PageMention>();
      if (span) {
        for (let i = firstAtOrAfter(order, node, span[0]); i < order.length; i++) {
          const m = order[i] as PageMention;
          if (startIn(m, node) >= span[1]) break;
          near.add(m);
        }
      }
      for (const m of s.painted) {
        if (near.has(m)) continue;
        s.painted.delete(m);
        if (this.sink.hide) this.sink.hide(m);
        else this.sink.remove(m);
        changed = true;
      }
      for (const m of near) {
        if (s.painted.has(m)) continue;
        s.painted.add(m);
        this.sink.add(m);
        changed = true;
      }
    }
    return changed;
  }

  clear(): void {
    for (const m of this.nodeOf.keys()) this.sink.remove(m);
    this.nodeOf.clear();
    this.nodes.clear();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.listening?.abort();
    this.listening = null;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.update()) this.onChange();
    }, UPDATE_MS);
  }

  /**
   * Follows scrolling of the window and of any scroller (capture sees them all): a long node
   * stays one intersecting element the whole way through, so no observer entry comes.
   */
  private listen(doc: Document): void {
    if (this.listening) return;
    this.listening = new AbortController();
    const opts = { capture: true, passive: true, signal: this.listening.signal };
    const again = () => this.schedule();
    doc.addEventListener('scroll', again, opts);
    doc.defaultView?.addEventListener('resize', again, opts);
  }
}

/** Index of the first mention starting at or after `offset` in `node`. */
function firstAtOrAfter(order: PageMention[], node: Text, offset: number): number {
  let a = 0;
  let b = order.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (startIn(order[mid] as PageMention, node) < offset) a = mid + 1;
    else b = mid;
  }
  return a;
}
