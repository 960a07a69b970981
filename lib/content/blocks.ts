/**
 * Turns a DOM subtree into "blocks": maximal runs of text nodes that render as one piece of
 * flowing text (a paragraph, a caption, a list item). A name split across inline elements
 * ("Vladimir <b>Putin</b>") is one string to the recognizer; block boundaries and <br>
 * end a run, so "Kim<br>Jong-un" never matches. Offsets map back to the text nodes.
 */

/** One text node's place in its block's text. */
export interface TextSeg {
  node: Text;
  /** Offset of the node's first character in the block text. */
  start: number;
  /** `[node]`, made once for the mentions that lie in this node alone (scanner.ts). */
  alone?: Text[];
}

export interface Block {
  text: string;
  segs: TextSeg[];
}

/**
 * Elements whose text is not prose to read, or belongs to the reader (editable). By local
 * name (lower case for HTML, as written for SVG and MathML): `tagName` would need an
 * upper-casing per element, a measurable part of walking a long page.
 */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'datalist',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  // SVG is read (Chromium paints highlights on <text> and its caret APIs return SVG text
  // nodes), but not its metadata: <title> is already here (the same local name in both namespaces).
  'desc',
  'metadata',
  'math',
  'video',
  'audio',
  'head',
  'title',
]);

/** Elements that start a new line of text (so they end a run). */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'img',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'button',
  'label',
  'optgroup',
  // SVG <text>: each one is placed on its own, so it is a block of its own.
  'text',
]);

/** Marks Gloss's own host so the scanner never reads it. */
export const HOST_ATTR = 'data-gloss-host';

/** Whether this element's subtree must not be scanned or highlighted. */
export function isSkippedElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  // Many elements of an article carry no attribute at all: one call answers for them.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute(HOST_ATTR) || el.hasAttribute('hidden')) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce.toLowerCase() !== 'false') return true;
  return el.getAttribute('role') === 'textbox';
}

/** Whether a node sits inside a skipped element (checked for text added after the scan). */
export function isInsideSkipped(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/** The nearest ancestor that delimits runs (a block element, or the tree's root). */
export function blockContainer(node: Node): Node {
  let cur: Node | null = node.parentNode;
  while (cur) {
    if (cur.nodeType === 1 && isBlockElement(cur as Element)) return cur;
    if (!cur.parentNode) return cur;
    cur = cur.parentNode;
  }
  return node;
}

const hasText = /\S/;

/**
 * Yields the blocks under `root` in document order. Open shadow roots met on the way are
 * yielded too (as ShadowRoot) so the caller can scan and observe them separately. With
 * `tickEvery`, also yields `null` after every that many nodes, so a time-sliced caller gets
 * a chance to pause inside long runs of nodes that make no block.
 */
export function walkBlocks(root: Node): Generator<Block | ShadowRoot, void, void>;
export function walkBlocks(root: Node, tickEvery: number): Generator<Block | ShadowRoot | null, void, void>;
export function* walkBlocks(root: Node, tickEvery = 0): Generator<Block | ShadowRoot | null, void, void> {
  let segs: TextSeg[] = [];
  let text = '';
  let container: Node | null = null;
  const flush = (): Block | null => {
    const out = hasText.test(text) ? { text, segs } : null;
    segs = [];
    text = '';
    container = null;
    return out;
  };
  if (root.nodeType === 1 && isSkippedElement(root as Element)) return;
  // A plain walk over firstChild/nextSibling: a TreeWalker with a JS filter calls back into
  // JS for every node (39 ms for 8,000 nodes in Chromium, against ~1 ms for this).
  let sinceTick = 0;
  // Sibling text nodes share their block container: look it up once per parent.
  let lastParent: Node | null = null;
  let lastContainer: Node | null = null;
  for (let n: Node | null = root; n; ) {
    if (tickEvery > 0 && ++sinceTick >= tickEvery) {
      sinceTick = 0;
      yield null;
    }
    let descend = false;
    if (n.nodeType === 3) {
      const t = n as Text;
      // Read once: each `data` read copies the node's text into a JS string.
      const data = t.data;
      if (data) {
        if (t.parentNode !== lastParent || !lastContainer) {
          lastParent = t.parentNode;
          lastContainer = blockContainer(t);
        }
        const c = lastContainer;
        if (container && c !== container) {
          const b = flush();
          if (b) yield b;
        }
        container = c;
        segs.push({ node: t, start: text.length });
        text += data;
      }
    } else if (n.nodeType === 1) {
      const el = n as Element;
      if (n === root || !isSkippedElement(el)) {
        descend = true;
        if (isBlockElement(el)) {
          const b = flush();
          if (b) yield b;
        }
        const sr = el.shadowRoot;
        if (sr) yield sr;
      }
    } else descend = n.nodeType === 9 || n.nodeType === 11;
    n = nextInWalk(n, root, descend);
  }
  const last = flush();
  if (last) yield last;
}

/** The node after `n` in document order within `root` (skipping `n`'s subtree unless `descend`). */
function nextInWalk(n: Node, root: Node, descend: boolean): Node | null {
  if (descend && n.firstChild) return n.firstChild;
  for (let cur: Node | null = n; cur && cur !== root; cur = cur.parentNode) {
    if (cur.nextSibling) return cur.nextSibling;
  }
  return null;
}

/** Finds the seg holding block offset `pos` (for an end offset, pass `pos - 1`). */
export function segAt(segs: readonly TextSeg[], pos: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segs[mid]?.start ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
