/**
 * Scans page text into mentions: walks blocks in document order (so coreference sees names
 * before their bare surnames), feeds each block to the recognizer, maps offsets back to text
 * nodes as StaticRanges, and registers highlights nearest the viewport first. All in time
 * slices. Rescans of changed subtrees drop their old mentions first.
 */
import type { Mention } from '@/lib/recognize/types';
import { segAt, walkBlocks, type Block } from './blocks';
import type { HighlightLayer } from './highlights';
import type { MentionStore, PageMention } from './mention-store';
import { createSlicer } from './slicer';

/** What the scanner needs from the recognition engine (lib/recognize). */
export interface BlockRecognizer {
  feed(text: string): Mention[];
  reset(): void;
}

export const QUOTE_CONTEXT = 32;
/** Blocks longer than this are fed in pieces, so one huge paragraph cannot block the page. */
export const PIECE_CHARS = 2000;

/**
 * Where to cut a long text into pieces of about `target` characters: after a sentence end
 * or a line break followed by whitespace, so a name is practically never cut in two.
 * Returns the piece start offsets (always starting with 0).
 */
export function pieceStarts(text: string, target = PIECE_CHARS): number[] {
  const starts = [0];
  let from = 0;
  while (text.length - from > target * 1.5) {
    const re = /[.!?\n。！？]["'”’)]?\s+/g;
    re.lastIndex = from + target;
    const m = re.exec(text);
    if (!m || m.index > from + target * 2) {
      // No sentence end nearby: fall back to any whitespace after the target.
      const ws = text.slice(from + target).search(/\s/);
      if (ws < 0) break;
      from = from + target + ws + 1;
    } else from = m.index + m[0].length;
    if (from >= text.length) break;
    starts.push(from);
  }
  return starts;
}

/** Builds the page mention for a recognizer mention in a block (null if offsets are off). */
export function toPageMention(block: Block, m: Mention, id: number): PageMention | null {
  if (m.start < 0 || m.end > block.text.length || m.end <= m.start) return null;
  const si = segAt(block.segs, m.start);
  const ei = segAt(block.segs, m.end - 1);
  const s = block.segs[si];
  const e = block.segs[ei];
  if (!s || !e) return null;
  const range = new StaticRange({
    startContainer: s.node,
    startOffset: m.start - s.start,
    endContainer: e.node,
    endOffset: m.end - e.start,
  });
  return {
    id,
    entityId: m.entityId,
    category: m.category,
    via: m.via,
    range,
    nodes: block.segs.slice(si, ei + 1).map((x) => x.node),
    quote: {
      exact: block.text.slice(m.start, m.end),
      prefix: block.text.slice(Math.max(0, m.start - QUOTE_CONTEXT), m.start),
      suffix: block.text.slice(m.end, m.end + QUOTE_CONTEXT),
    },
  };
}

/** Distance in px from the viewport (0 when on screen), for ordering work. */
function viewportDistance(el: Element | null, vh: number, cache: Map<Element, number>): number {
  if (!el) return Number.MAX_SAFE_INTEGER;
  const hit = cache.get(el);
  if (hit !== undefined) return hit;
  const r = el.getBoundingClientRect();
  const d = r.bottom < 0 ? -r.bottom : r.top > vh ? r.top - vh : 0;
  cache.set(el, d);
  return d;
}

export interface ScannerHooks {
  /** An open shadow root was found (observe it, adopt styles into it). */
  onShadowRoot(root: ShadowRoot): void;
  /** Mentions were added or removed. */
  onChange(): void;
}

export class Scanner {
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly store: MentionStore,
    private readonly layer: HighlightLayer,
    private readonly recognizer: BlockRecognizer,
    private readonly hooks: ScannerHooks,
  ) {}

  /** Stops any scan in progress (its remaining slices do nothing). */
  cancel(): void {
    this.generation++;
  }

  /** Scans the whole document. */
  async scanDocument(): Promise<void> {
    this.cancel();
    this.recognizer.reset();
    const root = this.doc.body ?? this.doc.documentElement;
    await this.scan([root], this.generation);
  }

  /** Rescans subtrees that changed: their old mentions go, new ones come. */
  async rescan(roots: Node[]): Promise<void> {
    const gen = this.generation;
    const removed = this.removeUnder(roots);
    const gone = this.store.dropDisconnected();
    for (const m of gone) this.layer.remove(m);
    if (removed + gone.length > 0) this.hooks.onChange();
    await this.scan(
      roots.filter((r) => r.isConnected),
      gen,
    );
  }

  private removeUnder(roots: Node[]): number {
    let n = 0;
    for (const root of roots) {
      if (root.nodeType === 3) {
        n += this.drop(this.store.mentionsInNode(root as Text));
        continue;
      }
      const w = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = w.nextNode(); t; t = w.nextNode()) n += this.drop(this.store.mentionsInNode(t as Text));
    }
    return n;
  }

  private drop(ms: PageMention[]): number {
    for (const m of ms) {
      this.store.remove(m);
      this.layer.remove(m);
    }
    return ms.length;
  }

  private async scan(roots: Node[], gen: number): Promise<void> {
    const slicer = createSlicer();
    const found: PageMention[] = [];
    const queue: Node[] = [...roots];
    while (queue.length) {
      const root = queue.shift() as Node;
      for (const item of walkBlocks(root)) {
        if (gen !== this.generation) return;
        if (item instanceof ShadowRoot) {
          this.hooks.onShadowRoot(item);
          queue.push(item);
        } else {
          const starts = pieceStarts(item.text);
          for (let p = 0; p < starts.length; p++) {
            const at = starts[p] ?? 0;
            const piece = starts.length === 1 ? item.text : item.text.slice(at, starts[p + 1] ?? item.text.length);
            for (const m of this.recognizer.feed(piece)) {
              const pm = toPageMention(item, { ...m, start: m.start + at, end: m.end + at }, this.store.newId());
              if (pm) {
                this.store.add(pm);
                found.push(pm);
              }
            }
            if (p + 1 < starts.length && slicer.shouldYield()) await slicer.yield();
            if (gen !== this.generation) return;
          }
        }
        if (slicer.shouldYield()) await slicer.yield();
      }
    }
    if (gen !== this.generation) return;
    await this.paint(found, gen, slicer);
  }

  /** Registers highlights, the ones nearest the viewport first, in slices. */
  private async paint(found: PageMention[], gen: number, slicer = createSlicer()): Promise<void> {
    const vh = this.doc.defaultView?.innerHeight ?? 800;
    const cache = new Map<Element, number>();
    const keyed = found.map((m) => ({ m, d: viewportDistance(m.nodes[0]?.parentElement ?? null, vh, cache) }));
    keyed.sort((a, b) => a.d - b.d);
    let i = 0;
    for (const { m } of keyed) {
      if (gen !== this.generation) return;
      // A page script may have removed the text meanwhile.
      if (m.nodes.every((n) => n.isConnected)) this.layer.add(m);
      else this.store.remove(m);
      if (++i % 64 === 0 && slicer.shouldYield()) {
        this.hooks.onChange();
        await slicer.yield();
      }
    }
    this.hooks.onChange();
  }
}
