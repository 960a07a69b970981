/**
 * The mentions found on the page, indexed per text node (so a caret position from a hover
 * resolves to its mention without scanning the page) and per entity (for the popup's summary
 * and keyboard navigation).
 */
import type { Category } from '@/lib/categories';
import { CATEGORIES } from '@/lib/categories';

export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** One recognized mention on the page. */
export interface PageMention {
  id: number;
  entityId: string;
  category: Category;
  via: 'direct' | 'coref';
  range: StaticRange;
  /** The text nodes the mention covers, first to last. */
  nodes: Text[];
  quote: Quote;
  /**
   * Offsets in the first and last node, when known without `range`: the scanner builds
   * `range` and `quote` lazily (a StaticRange costs ~3 µs, and most are never painted).
   */
  offsets?: { start: number; end: number };
}

/** A mention's extent inside one of its text nodes. */
interface NodeSpan {
  from: number;
  to: number;
  mention: PageMention;
}

export class MentionStore {
  private readonly byNode = new Map<Text, NodeSpan[]>();
  private readonly all = new Set<PageMention>();
  private ordered: PageMention[] | null = null;
  private readonly perCategory = new Map<Category, number>();
  private readonly perEntity = new Map<string, number>();
  private nextId = 1;

  get size(): number {
    return this.all.size;
  }

  newId(): number {
    return this.nextId++;
  }

  /** Adds a mention and indexes it under each text node it covers. */
  add(m: PageMention): void {
    if (this.all.has(m)) return;
    this.all.add(m);
    this.ordered = null;
    this.count(m, 1);
    const first = m.nodes[0];
    const last = m.nodes[m.nodes.length - 1];
    const start = m.offsets?.start ?? m.range.startOffset;
    const end = m.offsets?.end ?? m.range.endOffset;
    for (const node of m.nodes) {
      const from = node === first ? start : 0;
      const to = node === last ? end : node.data.length;
      const spans = this.byNode.get(node);
      const span = { from, to, mention: m };
      if (!spans) this.byNode.set(node, [span]);
      else {
        const prev = spans[spans.length - 1];
        spans.push(span);
        // Scans add in text order: sort only when a later rescan inserts out of order.
        if (prev && prev.from > from) spans.sort((a, b) => a.from - b.from);
      }
    }
  }

  /** Removes a mention from every index. */
  remove(m: PageMention): void {
    if (!this.all.delete(m)) return;
    this.ordered = null;
    this.count(m, -1);
    for (const node of m.nodes) {
      const spans = this.byNode.get(node);
      if (!spans) continue;
      const rest = spans.filter((s) => s.mention !== m);
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }

  /** Mentions touching this text node. */
  mentionsInNode(node: Text): PageMention[] {
    return (this.byNode.get(node) ?? []).map((s) => s.mention);
  }

  /** Mentions whose extent in `node` includes caret `offset` (ends inclusive: carets snap). */
  at(node: Node, offset: number): PageMention[] {
    const spans = this.byNode.get(node as Text);
    if (!spans) return [];
    return spans.filter((s) => offset >= s.from && offset <= s.to).map((s) => s.mention);
  }

  /** Removes and returns the mentions that touch any text node no longer in the document. */
  dropDisconnected(): PageMention[] {
    const gone: PageMention[] = [];
    for (const m of this.all) if (m.nodes.some((n) => !n.isConnected)) gone.push(m);
    for (const m of gone) this.remove(m);
    return gone;
  }

  values(): IterableIterator<PageMention> {
    return this.all.values();
  }

  /** All mentions in document order (sorted lazily after changes). */
  inDocumentOrder(): readonly PageMention[] {
    if (!this.ordered) {
      this.ordered = [...this.all].sort((a, b) => {
        const na = a.nodes[0];
        const nb = b.nodes[0];
        if (!na || !nb) return 0;
        if (na === nb) return (a.offsets?.start ?? a.range.startOffset) - (b.offsets?.start ?? b.range.startOffset);
        const pos = na.compareDocumentPosition(nb);
        if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
        if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
        return 0;
      });
    }
    return this.ordered;
  }

  /** Mention counts per entity, plus the first mention of each. */
  byEntity(): Map<string, { count: number; category: Category; first: PageMention }> {
    const out = new Map<string, { count: number; category: Category; first: PageMention }>();
    for (const m of this.inDocumentOrder()) {
      const e = out.get(m.entityId);
      if (e) e.count++;
      else out.set(m.entityId, { count: 1, category: m.category, first: m });
    }
    return out;
  }

  /** Mentions found per category (kept as they come and go, for the debug counters). */
  categoryCounts(): Record<Category, number> {
    const out = {} as Record<Category, number>;
    for (const c of CATEGORIES) out[c] = this.perCategory.get(c) ?? 0;
    return out;
  }

  /** The entities mentioned on the page. */
  entityIds(): IterableIterator<string> {
    return this.perEntity.keys();
  }

  private count(m: PageMention, by: 1 | -1): void {
    this.perCategory.set(m.category, (this.perCategory.get(m.category) ?? 0) + by);
    const n = (this.perEntity.get(m.entityId) ?? 0) + by;
    if (n > 0) this.perEntity.set(m.entityId, n);
    else this.perEntity.delete(m.entityId);
  }

  clear(): void {
    this.all.clear();
    this.perCategory.clear();
    this.perEntity.clear();
    this.byNode.clear();
    this.ordered = null;
  }
}
