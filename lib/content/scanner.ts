/**
 * Scans page text into mentions: walks blocks in document order (so coreference sees names
 * before their bare surnames), feeds each block to the recognizer, maps offsets back to text
 * nodes as StaticRanges, and registers highlights nearest the viewport first. All in time
 * slices. Rescans of changed subtrees drop their old mentions first.
 */
import type { Mention } from '@/lib/recognize/types';
import { segAt, walkBlocks, type Block } from './blocks';
import type { MentionStore, PageMention } from './mention-store';
import type { RangeSink } from './near-viewport';
import { createSlicer } from './slicer';

/** What the scanner needs from the recognition engine (lib/recognize). */
export interface BlockRecognizer {
  feed(text: string): Mention[];
  reset(): void;
}

export const QUOTE_CONTEXT = 32;
/** Blocks longer than this are fed in pieces, so one huge paragraph cannot block the page. */
export const PIECE_CHARS = 2000;
/** Nodes walked between chances to yield. */
const WALK_TICK = 256;

/**
 * Where to cut a long text into pieces of about `target` characters: after a sentence end
 * or a line break followed by whitespace, so a name is practically never cut in two.
 * Returns the piece start offsets (always starting with 0).
 */
export function pieceStarts(text: string, target = PIECE_CHARS): number[] {
  const starts = [0];
  let from = 0;
  const sentenceEnd = /[.!?\n]["'”’)]?\s+|[。！？]/g;
  const space = /\s/g;
  while (text.length - from > target * 1.5) {
    // Both searches look at most `target` characters ahead, so a megabyte without a sentence
    // end (or without any space, like CJK prose) costs linear time, not quadratic.
    const window = text.slice(0, from + target * 2);
    sentenceEnd.lastIndex = from + target;
    const m = sentenceEnd.exec(window);
    if (m) from = m.index + m[0].length;
    else {
      space.lastIndex = from + target;
      const ws = space.exec(window);
      // No break at all: cut anyway (the recognizer sees a name cut in two at worst).
      from = ws ? ws.index + 1 : from + target * 2;
      // Never between the halves of a surrogate pair.
      if (!ws && /[\uDC00-\uDFFF]/.test(text[from] ?? '')) from++;
    }
    if (from >= text.length) break;
    starts.push(from);
  }
  return starts;
}

/**
 * A page mention whose StaticRange and quote are made on first use: most mentions of a long
 * page are never painted (see near-viewport.ts) nor quoted, and 20k StaticRanges cost ~65 ms.
 * A class, not an object with getter closures: 19k of them are made per long page.
 */
class LazyMention implements PageMention {
  private r: StaticRange | null = null;
  private q: PageMention['quote'] | null = null;

  constructor(
    readonly id: number,
    readonly entityId: string,
    readonly category: PageMention['category'],
    readonly via: PageMention['via'],
    readonly nodes: Text[],
    readonly offsets: { start: number; end: number },
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get range(): StaticRange {
    const last = this.nodes[this.nodes.length - 1] as Text;
    this.r ??= new StaticRange({
      startContainer: this.nodes[0] as Text,
      startOffset: this.offsets.start,
      endContainer: last,
      endOffset: this.offsets.end,
    });
    return this.r;
  }

  get quote(): PageMention['quote'] {
    this.q ??= {
      exact: this.text.slice(this.start, this.end),
      prefix: this.text.slice(Math.max(0, this.start - QUOTE_CONTEXT), this.start),
      suffix: this.text.slice(this.end, this.end + QUOTE_CONTEXT),
    };
    return this.q;
  }
}

/** Builds the page mention for a recognizer mention in a block (null if offsets are off). */
export function toPageMention(block: Block, m: Mention, id: number): PageMention | null {
  if (m.start < 0 || m.end > block.text.length || m.end <= m.start) return null;
  const si = segAt(block.segs, m.start);
  const ei = segAt(block.segs, m.end - 1);
  const s = block.segs[si];
  const e = block.segs[ei];
  if (!s || !e) return null;
  const nodes = si === ei ? [s.node] : block.segs.slice(si, ei + 1).map((x) => x.node);
  const offsets = { start: m.start - s.start, end: m.end - e.start };
  return new LazyMention(id, m.entityId, m.category, m.via, nodes, offsets, block.text, m.start, m.end);
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
    /** Where found mentions are painted (the highlights, or a near-viewport painter). */
    private readonly layer: RangeSink,
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
    const queue: Node[] = [...roots];
    let found = 0;
    while (queue.length) {
      const root = queue.shift() as Node;
      // `null` ticks come every few hundred nodes, so a subtree of empty or whitespace-only
      // nodes cannot hold the thread either.
      for (const item of walkBlocks(root, WALK_TICK)) {
        if (gen !== this.generation) return;
        if (item === null) {
          if (slicer.shouldYield()) await slicer.yield();
          continue;
        }
        if (item instanceof ShadowRoot) {
          this.hooks.onShadowRoot(item);
          queue.push(item);
          continue;
        }
        const starts = pieceStarts(item.text);
        for (let p = 0; p < starts.length; p++) {
          const at = starts[p] ?? 0;
          const piece = starts.length === 1 ? item.text : item.text.slice(at, starts[p + 1] ?? item.text.length);
          for (const m of this.recognizer.feed(piece)) {
            const pm = toPageMention(item, { ...m, start: m.start + at, end: m.end + at }, this.store.newId());
            if (!pm) continue;
            this.store.add(pm);
            this.layer.add(pm);
            found++;
          }
          if (slicer.shouldYield()) {
            if (found) this.hooks.onChange();
            found = 0;
            await slicer.yield();
            if (gen !== this.generation) return;
            // A page script may have changed the block meanwhile: the observer rescans it.
            if (!item.segs.every((s) => s.node.isConnected)) break;
          }
        }
      }
    }
    if (gen === this.generation) this.hooks.onChange();
  }
}
