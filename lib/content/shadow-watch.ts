/**
 * Shadow roots that appear after a scan. A MutationObserver sees neither `attachShadow` nor a
 * custom element upgraded later by `customElements.define`, so:
 * - custom elements still undefined when their subtree was scanned (`:not(:defined)`) are
 *   remembered and looked at again once defined: through `customElements.whenDefined` where
 *   the content script can reach the registry (Chrome gives isolated worlds none), else by a
 *   few checks spaced out over ~30 s, and again whenever the page changes;
 * - a root attached to an ordinary element later is found where the reader points
 *   (`unknownShadowRootAt`).
 */
import { HOST_ATTR, isInsideSkipped } from './blocks';

/** Spacing of the checks after undefined elements were seen (ms; ~30 s in all). */
export const CHECK_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 16000];
/** A page with thousands of undefined elements (ad slots, widgets) gets a sample, not all. */
export const MAX_WATCHED = 500;

export interface WatchDeps {
  /** The registry, where the content script can reach it (null in Chrome's isolated world). */
  registry: Pick<CustomElementRegistry, 'whenDefined'> | null;
  /** A newly found open shadow root (the caller adopts it if it does not know it yet). */
  onRoot(root: ShadowRoot): void;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(id: unknown): void;
}

/** Watches undefined custom elements until they are defined, for their shadow roots. */
export class UndefinedElementWatch {
  private readonly waiting = new Set<Element>();
  private readonly tags = new Set<string>();
  private timer: unknown = null;
  private step = 0;
  private stopped = false;

  constructor(private readonly deps: WatchDeps) {}

  /** How many elements are waiting to be defined. */
  get size(): number {
    return this.waiting.size;
  }

  /** Remembers the undefined custom elements in `root` (itself included) and checks the known ones. */
  watch(root: Node): void {
    if (this.stopped) return;
    const fresh: Element[] = [];
    if (root.nodeType === 1 && (root as Element).matches(':not(:defined)')) fresh.push(root as Element);
    if ('querySelectorAll' in root) fresh.push(...(root as ParentNode).querySelectorAll(':not(:defined)'));
    let added = false;
    for (const el of fresh) {
      if (this.waiting.size >= MAX_WATCHED) break;
      // Only autonomous custom elements (a hyphen in the name) can be upgraded later.
      if (this.waiting.has(el) || !el.localName.includes('-') || el.hasAttribute(HOST_ATTR)) continue;
      this.waiting.add(el);
      added = true;
      this.follow(el.localName);
    }
    this.check();
    if (added && !this.deps.registry) this.restartChecks();
  }

  /** Reports the shadow roots of elements defined meanwhile; forgets defined or removed ones. */
  check(): void {
    for (const el of this.waiting) {
      if (!el.isConnected) {
        this.waiting.delete(el);
        continue;
      }
      const sr = el.shadowRoot;
      if (sr) {
        this.waiting.delete(el);
        this.deps.onRoot(sr);
      } else if (el.matches(':defined')) {
        // Defined without an open root (none, or a closed one): nothing to read.
        this.waiting.delete(el);
      }
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    this.waiting.clear();
  }

  private follow(tag: string): void {
    const reg = this.deps.registry;
    if (!reg || this.tags.has(tag)) return;
    this.tags.add(tag);
    // Upgrades run synchronously inside define(), so the roots exist when this resolves.
    reg.whenDefined(tag).then(
      () => !this.stopped && this.check(),
      () => undefined,
    );
  }

  private restartChecks(): void {
    this.step = 0;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.scheduleCheck();
  }

  private scheduleCheck(): void {
    const delay = CHECK_DELAYS_MS[this.step];
    this.timer = null;
    if (delay === undefined || this.stopped || this.waiting.size === 0) return;
    this.step++;
    this.timer = this.deps.setTimer(() => {
      this.check();
      this.scheduleCheck();
    }, delay);
  }
}

/**
 * The open shadow root under a viewport point that is not in `known` (one attached after the
 * scan), or null. Descends through the known roots; Gloss's own host does not count.
 */
export function unknownShadowRootAt(doc: Document, x: number, y: number, known: readonly ShadowRoot[]): ShadowRoot | null {
  let scope: Document | ShadowRoot = doc;
  // Nesting deeper than this is not worth following on every pointer move.
  for (let depth = 0; depth < 8; depth++) {
    const el: Element | null = scope.elementFromPoint(x, y);
    const sr: ShadowRoot | null | undefined = el?.shadowRoot;
    if (!el || !sr || sr === scope || el.hasAttribute(HOST_ATTR)) return null;
    if (!known.includes(sr)) return sr;
    scope = sr;
  }
  return null;
}

/**
 * Whether the scanner would have skipped this root's host (inside an editor, a form field,
 * code…), looking out through the shadow roots around it: a late root there stays unread too.
 */
export function hostSkipped(sr: ShadowRoot): boolean {
  for (let n: Node | null = sr.host; n; ) {
    if (isInsideSkipped(n)) return true;
    const top = n.getRootNode();
    n = top.nodeType === 11 && 'host' in top ? (top as ShadowRoot).host : null;
  }
  return false;
}
