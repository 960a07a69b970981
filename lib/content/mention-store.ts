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
  nodes: readonly Text[];
  quote: Quote;
  /**
   * Offsets in the first and in the last node, when known without `range`: the scanner
   * builds `range` and `quote` lazily (a StaticRange costs ~3 µs, and most are never painted).
   */
  startOffset?: number;
  endOffset?: number;
}

/** Where the mention starts inside `node` (0 when it starts in an earlier node). */
export function startIn(m: PageMention, node: Node): number {
  return m.nodes[0] === node ? (m.startOffset ?? m.range.startOffset) : 0;
}

/** Where the mention ends inside `node` (the node's end when it goes on into a later one). */
export function endIn(m: PageMention, node: Text): number {
  return m.nodes[m.nodes.length - 1] === node ? (m.endOffset ?? m.range.endOffset) : node.length;
}

function emptyCounts(): Record<Category, number> {
  const out = {} as Record<Category, number>;
  for (const c of CATEGORIES) out[c] = 0;
  return out;
}

export class MentionStore {
  /** Mentions per text node, by their start in it (extents are read from the mention). */
  private readonly byNode = new Map<Text, PageMention[]>();
  /** The last node added to and its list: a paragraph's names come one after the other. */
  private lastNode: Text | null = null;
  private lastList: PageMention[] | null = null;
  private readonly all = new Set<PageMention>();
  private ordered: PageMention[] | null = null;
  private readonly perCategory = emptyCounts();
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
    for (const node of m.nodes) {
      const list = node === this.lastNode ? this.lastList : this.byNode.get(node);
      if (!list) {
        const fresh = [m];
        this.byNode.set(node, fresh);
        this.lastNode = node;
        this.lastList = fresh;
        continue;
      }
      const prev = list[list.length - 1];
      list.push(m);
      this.lastNode = node;
      this.lastList = list;
      // Scans add in text order: sort only when a later rescan inserts out of order.
      if (prev && startIn(prev, node) > startIn(m, node)) list.sort((a, b) => startIn(a, node) - startIn(b, node));
    }
  }

  /** Removes a mention from every index. */
  remove(m: PageMention): void {
    if (!this.all.delete(m)) return;
    this.ordered = null;
    this.count(m, -1);
    for (const node of m.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((x) => x !== m);
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
      if (this.lastNode === node) this.lastNode = this.lastList = null;
    }
  }

  /** Mentions touching this text node. */
  mentionsInNode(node: Text): PageMention[] {
    return [...(this.byNode.get(node) ?? [])];
  }

  /** Mentions whose extent in `node` includes caret `offset` (ends inclusive: carets snap). */
  at(node: Node, offset: number): PageMention[] {
    const list = this.byNode.get(node as Text);
    if (!list) return [];
    return list.filter((m) => offset >= startIn(m, node) && offset <= endIn(m, node as Text));
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
        if (na === nb) return startIn(a, na) - startIn(b, na);
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
    for (const c of CATEGORIES) out[c] = this.perCategory[c];
    return out;
  }

  /** The entities mentioned on the page. */
  entityIds(): IterableIterator<string> {
    return this.perEntity.keys();
  }

  private count(m: PageMention, by: 1 | -1): void {
    this.perCategory[m.category] += by;
    const n = (this.perEntity.get(m.entityId) ?? 0) + by;
    if (n > 0) this.perEntity.set(m.entityId, n);
    else this.perEntity.delete(m.entityId);
  }

  clear(): void {
    this.all.clear();
    for (const c of CATEGORIES) this.perCategory[c] = 0;
    this.perEntity.clear();
    this.byNode.clear();
    this.lastNode = this.lastList = null;
    this.ordered = null;
  }
}
