/**
 * Watches the page for text it adds or changes after the first scan and reports the
 * smallest subtrees to rescan (the added block, or the block around changed inline text),
 * debounced, so a live ticker or an infinite feed costs a little per change, not a rescan.
 */
import { blockContainer, isBlockElement, isInsideSkipped, isSkippedElement } from './blocks';

export interface ObserverOptions {
  debounceMs?: number;
  /** Flush at the latest this long after the first change of a burst. */
  maxWaitMs?: number;
}

/** The subtree to rescan for one changed node, or null if it is not prose we read. */
export function dirtyRootFor(node: Node): Node | null {
  if (node.nodeType === 3) return isInsideSkipped(node) ? null : blockContainer(node);
  if (node.nodeType !== 1) return null;
  const el = node as Element;
  if (isSkippedElement(el) || isInsideSkipped(el)) return null;
  return isBlockElement(el) ? el : blockContainer(el);
}

/** Drops roots inside other roots and roots no longer in the page. */
export function minimalRoots(roots: Iterable<Node>): Node[] {
  const list = [...roots].filter((r) => r.isConnected);
  return list.filter((r) => !list.some((o) => o !== r && o.contains(r)));
}

export class PageObserver {
  private readonly observers: MutationObserver[] = [];
  private readonly dirty = new Set<Node>();
  private removals = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstAt = 0;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly onFlush: (roots: Node[], hadRemovals: boolean) => void,
    opts: ObserverOptions = {},
  ) {
    this.debounceMs = opts.debounceMs ?? 200;
    this.maxWaitMs = opts.maxWaitMs ?? 1000;
  }

  /** Starts watching a document or an open shadow root. */
  observe(root: Node): void {
    const mo = new MutationObserver((records) => this.take(records));
    mo.observe(root, { childList: true, characterData: true, subtree: true });
    this.observers.push(mo);
  }

  private take(records: MutationRecord[]): void {
    try {
      for (const r of records) {
        if (r.type === 'characterData') {
          const root = dirtyRootFor(r.target);
          if (root) this.dirty.add(root);
          continue;
        }
        for (const n of r.addedNodes) {
          const root = dirtyRootFor(n);
          if (root) this.dirty.add(root);
        }
        if (r.removedNodes.length) {
          this.removals = true;
          // Removing inline text joins its neighbours into a new run: rescan that block.
          const inline = [...r.removedNodes].some(
            (n) => n.nodeType === 3 || (n.nodeType === 1 && !isBlockElement(n as Element)),
          );
          const root = inline ? dirtyRootFor(r.target) : null;
          const target = r.target;
          if (root && target.isConnected) {
            this.dirty.add(target.nodeType === 1 && isBlockElement(target as Element) ? target : root);
          }
        }
      }
      if (this.dirty.size || this.removals) this.schedule();
    } catch {
      /* never let a page's odd mutation break it */
    }
  }

  private schedule(): void {
    const now = Date.now();
    if (this.timer === null) this.firstAt = now;
    else clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Hands the pending roots to the callback now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const roots = minimalRoots(this.dirty);
    const removals = this.removals;
    this.dirty.clear();
    this.removals = false;
    if (roots.length || removals) this.onFlush(roots, removals);
  }

  disconnect(): void {
    for (const mo of this.observers) mo.disconnect();
    this.observers.length = 0;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dirty.clear();
  }
}
