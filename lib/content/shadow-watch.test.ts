// @vitest-environment happy-dom
import { CHECK_DELAYS_MS, MAX_WATCHED, UndefinedElementWatch, hostSkipped, unknownShadowRootAt } from './shadow-watch';

let tagSeq = 0;
/** A fresh custom element name (a registry cannot redefine one). */
const newTag = () => `x-watch-${++tagSeq}`;

/** Defines `tag` as an element that attaches an open root with `text` when upgraded. */
function defineWithRoot(tag: string, text: string, mode: ShadowRootMode = 'open'): void {
  customElements.define(
    tag,
    class extends HTMLElement {
      constructor() {
        super();
        const sr = this.attachShadow({ mode });
        sr.innerHTML = `<p>${text}</p>`;
      }
    },
  );
}

function timers() {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => pending.push({ fn, ms }),
    clearTimer: () => undefined,
    /** Runs the earliest pending timer. */
    tick(): number | undefined {
      const t = pending.shift();
      t?.fn();
      return t?.ms;
    },
  };
}

describe('UndefinedElementWatch', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('reports the open root of an element defined later, through the registry', async () => {
    const tag = newTag();
    document.body.innerHTML = `<article><p>Intro</p><${tag}></${tag}></article>`;
    const roots: ShadowRoot[] = [];
    const t = timers();
    const watch = new UndefinedElementWatch({ registry: customElements, onRoot: (r) => roots.push(r), ...t });
    watch.watch(document.body);
    expect(watch.size).toBe(1);
    expect(roots).toEqual([]);
    defineWithRoot(tag, 'Volodymyr Zelensky');
    await customElements.whenDefined(tag);
    await Promise.resolve();
    expect(roots.map((r) => r.textContent)).toEqual(['Volodymyr Zelensky']);
    expect(watch.size).toBe(0);
    // With the registry there is nothing to poll.
    expect(t.pending).toEqual([]);
  });

  it('without a registry, checks on a spaced-out schedule and stops when nothing waits', () => {
    const tag = newTag();
    document.body.innerHTML = `<${tag}></${tag}>`;
    const roots: ShadowRoot[] = [];
    const t = timers();
    const watch = new UndefinedElementWatch({ registry: null, onRoot: (r) => roots.push(r), ...t });
    watch.watch(document.body);
    expect(t.tick()).toBe(CHECK_DELAYS_MS[0]);
    expect(roots).toEqual([]);
    defineWithRoot(tag, 'Seoul');
    expect(t.tick()).toBe(CHECK_DELAYS_MS[1]);
    expect(roots.map((r) => r.textContent)).toEqual(['Seoul']);
    expect(t.pending).toEqual([]);
  });

  it('forgets elements defined without an open root and elements removed from the page', () => {
    const closed = newTag();
    const gone = newTag();
    document.body.innerHTML = `<${closed}></${closed}><${gone}></${gone}>`;
    const roots: ShadowRoot[] = [];
    const watch = new UndefinedElementWatch({ registry: null, onRoot: (r) => roots.push(r), ...timers() });
    watch.watch(document.body);
    expect(watch.size).toBe(2);
    const el = document.querySelector(closed)!;
    el.attachShadow({ mode: 'closed' });
    // happy-dom does not implement :defined; a browser matches it once the element upgraded.
    const matches = el.matches.bind(el);
    el.matches = (sel: string) => (sel === ':defined' ? true : matches(sel));
    document.querySelector(gone)?.remove();
    watch.check();
    expect(watch.size).toBe(0);
    expect(roots).toEqual([]);
  });

  it('watches the root itself and never more than MAX_WATCHED elements', () => {
    const tag = newTag();
    const host = document.createElement(tag);
    document.body.append(host);
    const watch = new UndefinedElementWatch({ registry: null, onRoot: () => undefined, ...timers() });
    watch.watch(host);
    expect(watch.size).toBe(1);
    const many = newTag();
    document.body.insertAdjacentHTML('beforeend', `<${many}></${many}>`.repeat(MAX_WATCHED + 20));
    watch.watch(document.body);
    expect(watch.size).toBe(MAX_WATCHED);
  });

  it('does nothing once stopped', () => {
    const tag = newTag();
    document.body.innerHTML = `<${tag}></${tag}>`;
    const watch = new UndefinedElementWatch({ registry: null, onRoot: () => undefined, ...timers() });
    watch.stop();
    watch.watch(document.body);
    expect(watch.size).toBe(0);
  });
});

describe('unknownShadowRootAt', () => {
  it('finds a root Gloss does not know under the point, looking through known ones', () => {
    document.body.innerHTML = '<div id="outer"></div>';
    const outer = document.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<span id="inner"></span>';
    const inner = outer.getElementById('inner')!.attachShadow({ mode: 'open' });
    const doc = { elementFromPoint: () => document.getElementById('outer') } as unknown as Document;
    // happy-dom has no layout: give each scope its element under the point.
    outer.elementFromPoint = () => outer.getElementById('inner');
    inner.elementFromPoint = () => null;
    expect(unknownShadowRootAt(doc, 5, 5, [])).toBe(outer);
    expect(unknownShadowRootAt(doc, 5, 5, [outer])).toBe(inner);
    expect(unknownShadowRootAt(doc, 5, 5, [outer, inner])).toBeNull();
  });

  it("ignores Gloss's own host and elements without an open root", () => {
    document.body.innerHTML = '<gloss-root data-gloss-host></gloss-root><p id="p">text</p>';
    document.querySelector('gloss-root')!.attachShadow({ mode: 'open' });
    const at = (el: Element | null) => ({ elementFromPoint: () => el }) as unknown as Document;
    expect(unknownShadowRootAt(at(document.querySelector('gloss-root')), 1, 1, [])).toBeNull();
    expect(unknownShadowRootAt(at(document.getElementById('p')), 1, 1, [])).toBeNull();
    expect(unknownShadowRootAt(at(null), 1, 1, [])).toBeNull();
  });
});

describe('hostSkipped', () => {
  it('is true for a host inside an editable region or a form field, also from a nested root', () => {
    document.body.innerHTML = '<div contenteditable="true"><x-chip id="in-editor"></x-chip></div><p><x-chip id="in-prose"></x-chip></p>';
    const editor = document.getElementById('in-editor')!.attachShadow({ mode: 'open' });
    const prose = document.getElementById('in-prose')!.attachShadow({ mode: 'open' });
    editor.innerHTML = '<span id="deep"></span>';
    const deep = editor.getElementById('deep')!.attachShadow({ mode: 'open' });
    expect(hostSkipped(editor)).toBe(true);
    expect(hostSkipped(deep)).toBe(true);
    expect(hostSkipped(prose)).toBe(false);
  });
});
