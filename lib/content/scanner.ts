/**
 * Scans page text into mentions: walks blocks in document order (so coreference sees names
 * before their bare surnames), sends their text in batches to the recognizer (which runs in
 * the background: the page is free while it works), maps the mentions back to text nodes
 * and registers highlights nearest the viewport first. All in time slices. Rescans of
 * changed subtrees drop their old mentions first.
 */
import type { Mention } from '@/lib/recognize/types';
import { segAt, walkBlocks, type Block } from './blocks';
import type { MentionStore, PageMention, Quote } from './mention-store';
import type { RangeSink } from './near-viewport';
import { createSlicer, type Slicer } from './slicer';

/** What the scanner needs from the recognizer (recognizer.ts: the background's, by message). */
export interface BlockRecognizer {
  /**
   * Recognizes texts in order, as one more stretch of the same page (coreference carries
   * over); offsets in each answer are relative to its text.
   */
  feedMany(texts: string[]): Promise<Mention[][]>;
  /** Starts the page over (a full scan): coreference forgets what it saw. */
  reset(): void;
}

/** Characters of context kept on each side of a note's quote (about, cut at a word). */
export const QUOTE_CONTEXT = 32;
/**
 * Text per message to the recognizer: ~10 ms of background work. Each batch ends with one
 * change the page renders (see NearViewportPainter.flush), so fewer, larger ones are cheaper.
 */
export const BATCH_CHARS = 128 * 1024;
/** Texts per message at most (many tiny blocks: captions, list items). */
export const BATCH_TEXTS = 1500;
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
  if (text.length <= target * 1.5) return [0];
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
    readonly nodes: readonly Text[],
    readonly startOffset: number,
    readonly endOffset: number,
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get range(): StaticRange {
    const last = this.nodes[this.nodes.length - 1] as Text;
    this.r ??= new StaticRange({
      startContainer: this.nodes[0] as Text,
      startOffset: this.startOffset,
      endContainer: last,
      endOffset: this.endOffset,
    });
    return this.r;
  }

  get quote(): PageMention['quote'] {
    this.q ??= quoteAround(this.text, this.start, this.end);
    return this.q;
  }
}

const ELLIPSIS = '\u2026';
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * The quote saved with a note: the mention and about `context` characters either side, cut
 * at a word boundary (a whole word is dropped rather than half of it), with an ellipsis
 * where the text goes on. Text without spaces there (CJK, a long URL) is cut by character,
 * never between the halves of a surrogate pair.
 */
export function quoteAround(text: string, start: number, end: number, context = QUOTE_CONTEXT): Quote {
  return { exact: text.slice(start, end), prefix: prefixOf(text, start, context), suffix: suffixOf(text, end, context) };
}

function prefixOf(text: string, start: number, context: number): string {
  const cut = start - context;
  if (cut <= 0) return text.slice(0, start);
  let from = cut;
  if (!isSpace(text[cut - 1])) {
    while (from < start && !isSpace(text[from])) from++;
  }
  while (from < start && isSpace(text[from])) from++;
  // No word starts in the window: cut by character instead.
  if (from >= start) from = isLow(text.charCodeAt(cut)) ? cut + 1 : cut;
  return ELLIPSIS + text.slice(from, start);
}

function suffixOf(text: string, end: number, context: number): string {
  const cut = end + context;
  if (cut >= text.length) return text.slice(end);
  let to = cut;
  if (!isSpace(text[cut])) {
    while (to > end && !isSpace(text[to - 1])) to--;
  }
  while (to > end && isSpace(text[to - 1])) to--;
  if (to <= end) to = isHigh(text.charCodeAt(cut - 1)) ? cut - 1 : cut;
  return text.slice(end, to) + ELLIPSIS;
}

/**
 * Builds the page mention for a recognizer mention in a block (null if offsets are off);
 * `shift` is the offset of the recognized piece in the block's text.
 */
export function toPageMention(block: Block, m: Mention, id: number, shift = 0, checked = false): PageMention | null {
  const start = m.start + shift;
  const end = m.end + shift;
  if (start < 0 || end > block.text.length || end <= start) return null;
  const si = segAt(block.segs, start);
  const ei = segAt(block.segs, end - 1);
  const s = block.segs[si];
  const e = block.segs[ei];
  if (!s || !e) return null;
  // Mentions in one text node share its one-node list (never changed once made).
  const nodes = si === ei ? (s.alone ??= [s.node]) : block.segs.slice(si, ei + 1).map((x) => x.node);
  // The page had the thread while the recognizer worked: text it changed meanwhile is left
  // to the observer's rescan rather than highlighted at stale offsets (`checked`: the caller
  // found the whole block intact in this same task).
  if (!checked) for (let i = si; i <= ei; i++) if (!intact(block, i)) return null;
  return new LazyMention(id, m.entityId, m.category, m.via, nodes, start - s.start, end - e.start, block.text, start, end);
}

/** Whether every text node of a block is still in the page with the length it was read with. */
export function blockIntact(block: Block): boolean {
  for (let i = 0; i < block.segs.length; i++) if (!intact(block, i)) return false;
  return true;
}

/** Whether a block's seg `i` is still in the page with the length it was read with. */
function intact(block: Block, i: number): boolean {
  const seg = block.segs[i];
  if (!seg) return false;
  const next = block.segs[i + 1]?.start ?? block.text.length;
  // `length`, not `data.length`: reading `data` copies the node's text into a JS string.
  return seg.node.isConnected && seg.node.length === next - seg.start;
}

export interface ScannerHooks {
  /** An open shadow root was found (observe it, adopt styles into it). */
  onShadowRoot(root: ShadowRoot): void;
  /** Mentions were added or removed. */
  onChange(): void;
}

/** Batch limits (tests make them small). */
export interface BatchLimits {
  chars: number;
  texts: number;
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
    private readonly limits: BatchLimits = { chars: BATCH_CHARS, texts: BATCH_TEXTS },
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

  /**
   * Drops the mentions under `roots`, inside their open shadow roots too: the scan that
   * follows walks into those roots and finds their names again.
   */
  private removeUnder(roots: Node[]): number {
    let n = 0;
    const queue = [...roots];
    for (let root = queue.pop(); root; root = queue.pop()) {
      if (root.nodeType === 3) {
        n += this.drop(this.store.mentionsInNode(root as Text));
        continue;
      }
      const own = (root as Element).shadowRoot;
      if (own) queue.push(own);
      const w = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let x = w.nextNode(); x; x = w.nextNode()) {
        if (x.nodeType === 3) n += this.drop(this.store.mentionsInNode(x as Text));
        else if ((x as Element).shadowRoot) queue.push((x as Element).shadowRoot as ShadowRoot);
      }
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
    let batch: Piece[] = [];
    let chars = 0;
    // The first batch goes when the first slice of walking ends: a whole article in one
    // message (one answer, one change to paint), the top of a long page soon.
    let firstSent = false;
    // The previous batch being mapped to ranges; the next one is walked meanwhile.
    let applying: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (!batch.length) return;
      const pieces = batch;
      batch = [];
      chars = 0;
      firstSent = true;
      const answer = this.recognizer.feedMany(pieces.map((p) => p.text));
      answer.catch(() => undefined); // awaited in apply; a cancelled scan may never get there
      await applying;
      applying = this.apply(pieces, answer, gen, slicer);
      applying.catch(() => undefined);
    };
    while (queue.length) {
      const root = queue.shift() as Node;
      // `null` ticks come every few hundred nodes, so a subtree of empty or whitespace-only
      // nodes cannot hold the thread either.
      for (const item of walkBlocks(root, WALK_TICK)) {
        if (gen !== this.generation) return;
        if (item instanceof ShadowRoot) {
          this.hooks.onShadowRoot(item);
          queue.push(item);
        } else if (item !== null) {
          const starts = pieceStarts(item.text);
          for (let p = 0; p < starts.length; p++) {
            const at = starts[p] ?? 0;
            const text = starts.length === 1 ? item.text : item.text.slice(at, starts[p + 1] ?? item.text.length);
            batch.push({ block: item, at, text });
            chars += text.length;
            if (chars >= this.limits.chars || batch.length >= this.limits.texts) {
              // Sending serializes the batch: start a fresh slice for it.
              await slicer.yield();
              await flush();
            }
          }
        }
        if (slicer.shouldYield()) {
          await slicer.yield();
          if (!firstSent && batch.length) await flush();
        }
      }
    }
    if (gen !== this.generation) return;
    await flush();
    await applying;
    if (gen === this.generation) this.hooks.onChange();
  }

  /** Maps a batch's mentions to page mentions, in slices, once the recognizer answered. */
  private async apply(pieces: Piece[], answer: Promise<Mention[][]>, gen: number, slicer: Slicer): Promise<void> {
    const found = await answer;
    if (gen !== this.generation) return;
    let added = 0;
    for (let i = 0; i < pieces.length; i++) {
      const list = found[i];
      const piece = pieces[i] as Piece;
      if (!list?.length) continue;
      // One check of the block's nodes for all its mentions (they are mapped in this task);
      // a block changed meanwhile is checked per mention, so its untouched names still count.
      const checked = list.length > 1 && blockIntact(piece.block);
      for (const m of list) {
        const pm = toPageMention(piece.block, m, this.store.newId(), piece.at, checked);
        if (!pm) continue;
        this.store.add(pm);
        this.layer.add(pm);
        added++;
      }
      if (slicer.shouldYield()) {
        if (added) this.hooks.onChange();
        added = 0;
        await slicer.yield();
        if (gen !== this.generation) return;
      }
    }
    // What the page sees (observed anchors, painted names) changes once per batch.
    this.layer.flush?.();
    if (added) this.hooks.onChange();
  }
}

interface Piece {
  block: Block;
  /** Offset of `text` in the block's text. */
  at: number;
  text: string;
}
