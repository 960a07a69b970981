/**
 * The mentions found on the page, indexed per text node (so a caret position from a hover
 * resolves to its mention without scanning the page) and per entity (for the popup's summary
 * and keyboard navigation).
 */
import type { Category } from '@/lib/kb/schema';

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
  private nextId = 1;

  get size(): number {
    return this.all.size;
  }

  newId(): number {
    return this.nextId++;
  }

  /** Adds a mention and indexes it under each text node it covers. */
  add(m: PageMention): void {
    this.all.add(m);
    this.ordered = null;
    const r = m.range;
    for (const node of m.nodes) {
      const from = node === r.startContainer ? r.startOffset : 0;
      const to = node === r.endContainer ? r.endOffset : node.data.length;
      const spans = this.byNode.get(node);
      const span = { from, to, mention: m };
      if (!spans) this.byNode.set(node, [span]);
      else {
        spans.push(span);
        spans.sort((a, b) => a.from - b.from);
      }
    }
  }

  /** Removes a mention from every index. */
  remove(m: PageMention): void {
    if (!this.all.delete(m)) return;
    this.ordered = null;
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
        if (na === nb) return a.range.startOffset - b.range.startOffset;
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

  clear(): void {
    this.all.clear();
    this.byNode.clear();
    this.ordered = null;
  }
}
