/**
 * Registers only the mentions near the viewport in the highlights. Chromium rebuilds its
 * highlight markers from every registered range whenever the DOM or style changes anywhere
 * on the page (a ticker, a :hover, Gloss's own card): with 19k ranges on the long bench page
 * each such frame took ~200 ms, with none ~10 ms.
 *
 * Mentions are grouped by the element holding them ("anchors"), anchors into chunks of a few
 * consecutive ones, and only each chunk's first and last anchor are watched with an
 * IntersectionObserver (its cost grows with the targets: 4,000 of them took ~25 ms a frame).
 * A chunk is painted while a watched anchor is within the margin of the viewport, or while
 * the chunk meets that band by geometry (checked when scrolling stops, since a jump past both
 * ends fires no observer entry). While a scan runs, new chunks are
 * checked by geometry at the end of each batch (`flush()`) and watched only once the scan is
 * done (`seal()`): each `observe()` and each highlight change is one more frame to render.
 *
 * Mentions in very long text nodes are painted by their place in the text instead (one
 * element can hold thousands of them): see long-text.ts.
 */
import { longNodeOf } from './highlights';
import { LongTextPainter, type SpanFinder } from './long-text';
import type { PageMention } from './mention-store';
import { yieldToMain } from './slicer';

/** Targets watched per task: `observe()` costs ~10 µs each, a long page's 1,000 at once ~10 ms. */
const WATCH_PER_TASK = 200;

/** What the painter registers mentions with (the HighlightLayer). */
export interface RangeSink {
  add(m: PageMention): void;
  remove(m: PageMention): void;
  /** Applies what `add` queued (see NearViewportPainter.flush); called at the end of a batch. */
  flush?(): void;
  /** Unpaints a mention that stays on the page (kept as the keyboard's current one). */
  hide?(m: PageMention): void;
}

type ObserverCtor = new (cb: IntersectionObserverCallback, init?: IntersectionObserverInit) => IntersectionObserver;

export interface NearViewportOptions {
  /** How far beyond the viewport, in viewport heights, mentions stay registered. */
  margin?: number;
  /** Anchors per chunk. */
  chunk?: number;
  /** Called after a batch of (un)registrations. */
  onChange?: () => void;
  /** Injected for tests; defaults to the global IntersectionObserver. */
  Observer?: ObserverCtor;
  /** `getComputedStyle(el).display`, injectable for tests. */
  displayOf?: (el: Element) => string;
  /** Where a long text node meets the viewport band, injectable for tests (long-text.ts). */
  findSpan?: SpanFinder;
}

interface Chunk {
  anchors: Element[];
  /** Watched anchors now within the margin. */
  seen: Set<Element>;
  /** Meets the band around the viewport (by geometry, at the last `recheck()`). */
  inBand: boolean;
  /** Always painted (an anchor without a box of its own, e.g. `display: contents`). */
  pinned: boolean;
  painted: boolean;
}

/** The element whose box stands for a mention (its text's parent, or a shadow host). */
export function anchorElement(m: PageMention): Element | null {
  const parent = m.nodes[0]?.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 1) return parent as Element;
  return parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : null;
}

export class NearViewportPainter {
  /** Mentions per anchor, in the order they came (arrays: removal is rare, adding is not). */
  private readonly groups = new Map<Element, PageMention[]>();
  /** The anchor and group of the last mention added: a paragraph's names come together. */
  private lastEl: Element | null = null;
  private lastGroup: PageMention[] | null = null;
  /** The text node of the last single-node mention added, with its long node and anchor. */
  private lastNode: Text | null = null;
  private lastLong: Text | null = null;
  private lastAnchor: Element | null = null;
  /** Anchors to watch at the next `seal()`, and names of painted chunks to paint at `flush()`. */
  private toWatch: Element[] = [];
  private toPaint: PageMention[] = [];
  /** Anchors waiting to be watched (`seal()`), and how many of them are. */
  private watchQueue: Element[] = [];
  private watchAt = 0;
  private draining = false;
  /** Bumped by `clear()`, so a queued drain of an earlier session does nothing. */
  private epoch = 0;
  /** Chunks made or grown since the last `flush()`. */
  private readonly touched = new Set<Chunk>();
  private readonly anchorOf = new Map<PageMention, Element>();
  private readonly chunkOf = new Map<Element, Chunk>();
  /** Mentions registered for good (no observer, or no element to watch). */
  private readonly loose = new Set<PageMention>();
  private readonly chunks = new Set<Chunk>();
  private open: Chunk | null = null;
  private readonly io: IntersectionObserver | null;
  private readonly margin: number;
  private readonly size: number;
  private readonly displayOf: (el: Element) => string;
  private readonly long: LongTextPainter;

  constructor(
    private readonly sink: RangeSink,
    private readonly opts: NearViewportOptions = {},
  ) {
    this.margin = opts.margin ?? 1.5;
    this.size = opts.chunk ?? 8;
    const Ctor = opts.Observer ?? (typeof IntersectionObserver === 'function' ? IntersectionObserver : null);
    const pct = `${Math.round(this.margin * 100)}%`;
    this.io = Ctor ? new Ctor((entries) => this.onEntries(entries), { rootMargin: `${pct} 0px ${pct} 0px` }) : null;
    this.displayOf = opts.displayOf ?? ((el) => el.ownerDocument.defaultView?.getComputedStyle(el).display ?? '');
    this.long = new LongTextPainter(sink, () => this.opts.onChange?.(), opts.findSpan);
  }

  add(m: PageMention): void {
    // A paragraph's names come one after the other, often in one text node: look its length
    // and anchor up once (each is a call into the DOM).
    const first = m.nodes[0];
    if (first !== this.lastNode || m.nodes.length > 1) {
      this.lastNode = m.nodes.length > 1 ? null : (first ?? null);
      this.lastLong = this.io ? longNodeOf(m) : null;
      this.lastAnchor = this.lastLong ? null : anchorElement(m);
    }
    const node = this.lastLong;
    if (node) {
      this.long.add(m, node);
      return;
    }
    const el = this.lastAnchor;
    if (!this.io || !el) {
      this.loose.add(m);
      this.sink.add(m);
      return;
    }
    this.anchorOf.set(m, el);
    const g = el === this.lastEl ? this.lastGroup : this.groups.get(el);
    if (g) {
      g.push(m);
      this.lastEl = el;
      this.lastGroup = g;
      if (this.chunkOf.get(el)?.painted) this.toPaint.push(m);
      return;
    }
    const fresh = [m];
    this.groups.set(el, fresh);
    this.lastEl = el;
    this.lastGroup = fresh;
    let c = this.open;
    if (!c || c.anchors.length >= this.size) {
      this.closeChunk();
      c = { anchors: [], seen: new Set(), inBand: false, pinned: false, painted: false };
      this.chunks.add(c);
      this.open = c;
    }
    c.anchors.push(el);
    this.chunkOf.set(el, c);
    this.touched.add(c);
    // Only a chunk's first and last anchors are watched (observe() costs ~10 µs a target:
    // not one per anchor); the last is queued when the chunk is full or closed.
    if (c.anchors.length === 1 || c.anchors.length === this.size) this.toWatch.push(el);
    if (c.painted) this.toPaint.push(m);
  }

  remove(m: PageMention): void {
    // The node may have moved (a rescan re-adds its names): look its anchor up afresh.
    this.lastNode = null;
    if (this.long.remove(m)) return;
    this.loose.delete(m);
    this.sink.remove(m);
    const el = this.anchorOf.get(m);
    if (!el) return;
    this.anchorOf.delete(m);
    const g = this.groups.get(el);
    const at = g ? g.indexOf(m) : -1;
    if (g && at >= 0) g.splice(at, 1);
    if (!g || g.length > 0) return;
    this.groups.delete(el);
    if (this.lastEl === el) this.lastEl = this.lastGroup = null;
    const c = this.chunkOf.get(el);
    this.chunkOf.delete(el);
    if (!c) return;
    const i = c.anchors.indexOf(el);
    const watched = i === 0 || i === c.anchors.length - 1;
    c.anchors.splice(i, 1);
    if (watched) {
      this.unwatch(el, c);
      // The new end of the chunk takes over.
      for (const end of [c.anchors[0], c.anchors[c.anchors.length - 1]]) if (end) this.io?.observe(end);
    }
    if (c.anchors.length === 0) {
      this.chunks.delete(c);
      if (this.open === c) this.open = null;
    }
  }

  /**
   * Ends the current chunk (mentions added later, a rescan's, start their own) and starts
   * watching the anchors added since the last seal: call when a scan is done.
   */
  seal(): void {
    this.lastNode = null;
    this.closeChunk();
    this.flush();
    // A one-anchor chunk's end is its start: once is enough.
    for (const el of new Set(this.toWatch)) this.watchQueue.push(el);
    this.toWatch = [];
    this.drainWatch();
  }

  /** Watches the queued anchors, a few hundred per task (the rest in the tasks that follow). */
  private drainWatch(): void {
    const queue = this.watchQueue;
    const end = Math.min(queue.length, this.watchAt + WATCH_PER_TASK);
    // Anything removed meanwhile is left out.
    for (; this.watchAt < end; this.watchAt++) {
      const el = queue[this.watchAt] as Element;
      if (this.chunkOf.has(el)) this.io?.observe(el);
    }
    if (this.watchAt >= queue.length) {
      this.watchQueue = [];
      this.watchAt = 0;
      return;
    }
    if (this.draining) return;
    this.draining = true;
    const epoch = this.epoch;
    void yieldToMain().then(() => {
      this.draining = false;
      if (epoch === this.epoch) this.drainWatch();
    });
  }

  private closeChunk(): void {
    const last = this.open?.anchors[this.open.anchors.length - 1];
    if (last) this.toWatch.push(last);
    this.open = null;
  }

  /**
   * Paints what the mentions added since the last call need: chunks new or grown since then
   * are checked against the band by geometry (a few rects, layout being clean between
   * batches), names added to painted chunks are painted. Called at the end of each scanner
   * batch. Watching waits for `seal()`: new targets cost an intersection pass in the next
   * frame (22-32 ms of intersection work in a trace of the long bench page's scan when
   * anchors were watched batch by batch, 3 ms now), and a frame of a long page costs ~5 ms
   * of compositing and paint.
   */
  flush(): void {
    const paint = this.toPaint;
    this.toPaint = [];
    for (const m of paint) {
      const el = this.anchorOf.get(m);
      if (el && this.chunkOf.get(el)?.painted) this.sink.add(m);
    }
    let changed = false;
    for (const c of this.touched) if (this.chunks.has(c)) changed = this.checkBand(c) || changed;
    this.touched.clear();
    if (changed) this.opts.onChange?.();
  }

  /** The mentions registered now (near the viewport). */
  *active(): Iterable<PageMention> {
    yield* this.loose;
    yield* this.long.active();
    for (const c of this.chunks) {
      if (!c.painted) continue;
      for (const a of c.anchors) yield* this.groups.get(a) ?? [];
    }
  }

  /**
   * Re-checks by geometry which chunks meet the band around the viewport (call when
   * scrolling stops): a jump far enough passes both watched ends of a long chunk without an
   * observer entry.
   */
  recheck(): void {
    if (!this.io) return;
    let changed = this.long.update();
    for (const c of this.chunks) changed = this.checkBand(c) || changed;
    if (changed) this.opts.onChange?.();
  }

  /**
   * Whether the chunk meets the band around the viewport, by its ends' boxes; paints or
   * unpaints it to match. Ends without a box (hidden) do not count: the observer decides.
   */
  private checkBand(c: Chunk): boolean {
    const first = c.anchors[0];
    const last = c.anchors[c.anchors.length - 1];
    if (!first || !last) return false;
    const a = first.getBoundingClientRect();
    const b = last === first ? a : last.getBoundingClientRect();
    const vh = first.ownerDocument.defaultView?.innerHeight ?? 800;
    const boxless = (r: DOMRect) => r.width === 0 && r.height === 0;
    c.inBand = !(boxless(a) && boxless(b)) && a.top < vh * (1 + this.margin) && b.bottom > -this.margin * vh;
    return this.update(c);
  }

  clear(): void {
    this.long.clear();
    for (const m of this.anchorOf.keys()) this.sink.remove(m);
    for (const m of this.loose) this.sink.remove(m);
    this.loose.clear();
    this.anchorOf.clear();
    this.groups.clear();
    this.lastEl = this.lastGroup = null;
    this.lastNode = this.lastLong = this.lastAnchor = null;
    this.toWatch = [];
    this.toPaint = [];
    this.touched.clear();
    this.watchQueue = [];
    this.watchAt = 0;
    this.epoch++;
    this.chunkOf.clear();
    this.chunks.clear();
    this.open = null;
    this.io?.disconnect();
  }

  private unwatch(el: Element, c: Chunk): void {
    this.io?.unobserve(el);
    c.seen.delete(el);
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    const touched = new Set<Chunk>();
    for (const e of entries) {
      const c = this.chunkOf.get(e.target);
      if (!c) continue;
      const r = e.boundingClientRect;
      // No box of its own: the observer never sees it near, so it is always painted.
      if (!e.isIntersecting && r.width === 0 && r.height === 0 && this.displayOf(e.target) === 'contents') c.pinned = true;
      if (e.isIntersecting) c.seen.add(e.target);
      else c.seen.delete(e.target);
      touched.add(c);
    }
    let changed = false;
    for (const c of touched) changed = this.update(c) || changed;
    if (changed) this.opts.onChange?.();
  }

  /** Paints or unpaints a chunk to match its state; true when it changed. */
  private update(c: Chunk): boolean {
    const near = c.pinned || c.inBand || c.seen.size > 0;
    if (near === c.painted) return false;
    c.painted = near;
    for (const a of c.anchors) {
      for (const m of this.groups.get(a) ?? []) {
        if (near) this.sink.add(m);
        else if (this.sink.hide) this.sink.hide(m);
        else this.sink.remove(m);
      }
    }
    return true;
  }
}
