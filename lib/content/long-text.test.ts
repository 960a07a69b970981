// @vitest-environment happy-dom
import { LONG_TEXT_CHARS, longNodeOf } from './highlights';
import { findSpan, LongTextPainter, type SpanFinder } from './long-text';
import type { PageMention } from './mention-store';
import { NearViewportPainter } from './near-viewport';

/** A sink that records what is painted now. */
function recordingSink() {
  const painted = new Set<PageMention>();
  const log: string[] = [];
  return {
    painted,
    log,
    add: (m: PageMention) => (painted.add(m), log.push(`+${m.id}`)),
    remove: (m: PageMention) => (painted.delete(m), log.push(`-${m.id}`)),
    hide: (m: PageMention) => (painted.delete(m), log.push(`~${m.id}`)),
  };
}

function longText(len = LONG_TEXT_CHARS + 1000): Text {
  const p = document.createElement('p');
  const node = document.createTextNode('a'.repeat(len));
  p.append(node);
  document.body.append(p);
  return node;
}

function mentionAt(node: Text, start: number, id: number): PageMention {
  const range = { startContainer: node, startOffset: start, endContainer: node, endOffset: start + 5 } as unknown as StaticRange;
  return { id, entityId: `Q${id}`, category: 'person', via: 'direct', range, nodes: [node], quote: { exact: 'x', prefix: '', suffix: '' } };
}

const ids = (set: Iterable<PageMention>) => [...set].map((m) => m.id).sort((a, b) => a - b);

describe('mentions in very long text nodes', () => {
  let span: [number, number] | null;
  const finder: SpanFinder = () => span;

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    span = [0, 1000];
  });
  afterEach(() => vi.useRealTimers());

  it('tells long nodes from ordinary ones', () => {
    expect(longNodeOf(mentionAt(longText(), 0, 1))).not.toBeNull();
    expect(longNodeOf(mentionAt(longText(LONG_TEXT_CHARS), 0, 2))).toBeNull();
  });

  it('paints only the mentions in the stretch near the viewport, once the throttle ends', () => {
    const sink = recordingSink();
    const onChange = vi.fn();
    const painter = new LongTextPainter(sink, onChange, finder);
    const node = longText();
    const ms = [10, 500, 999, 1000, 5000, 20_500].map((o, i) => mentionAt(node, o, i + 1));
    for (const m of ms) painter.add(m, node);
    expect(sink.painted.size).toBe(0);
    vi.advanceTimersByTime(100);
    expect(ids(sink.painted)).toEqual([1, 2, 3]);
    expect(onChange).toHaveBeenCalledTimes(1);

    // The reader scrolls on: what left the stretch is unpainted, what came in is painted.
    span = [4000, 21_000];
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(100);
    expect(ids(sink.painted)).toEqual([5, 6]);
    expect(sink.log.filter((l) => l.startsWith('~'))).toEqual(['~1', '~2', '~3']);
    expect(ids(painter.active())).toEqual([5, 6]);
  });

  it('keeps order when a rescan adds mentions out of order, and paints nothing off screen', () => {
    const sink = recordingSink();
    const painter = new LongTextPainter(sink, undefined, finder);
    const node = longText();
    for (const [o, id] of [[900, 1], [50, 2], [1500, 3], [400, 4]] as const) painter.add(mentionAt(node, o, id), node);
    expect(painter.update()).toBe(true);
    expect(ids(sink.painted)).toEqual([1, 2, 4]);
    span = null;
    expect(painter.update()).toBe(true);
    expect(sink.painted.size).toBe(0);
    expect(painter.update()).toBe(false);
  });

  it('forgets removed mentions, painted or still waiting', () => {
    const sink = recordingSink();
    const painter = new LongTextPainter(sink, undefined, finder);
    const node = longText();
    const a = mentionAt(node, 10, 1);
    const b = mentionAt(node, 20, 2);
    painter.add(a, node);
    painter.add(b, node);
    expect(painter.remove(b)).toBe(true);
    vi.advanceTimersByTime(100);
    expect(ids(sink.painted)).toEqual([1]);
    expect(painter.remove(a)).toBe(true);
    expect(sink.painted.size).toBe(0);
    expect(painter.remove(a)).toBe(false);
    painter.update();
    expect(sink.painted.size).toBe(0);
  });

  it('is used by the near-viewport painter for long nodes only', () => {
    const sink = recordingSink();
    const watched: Element[] = [];
    class Observer {
      observe = (el: Element) => watched.push(el);
      unobserve() {}
      disconnect() {}
    }
    const painter = new NearViewportPainter(sink, {
      Observer: Observer as unknown as new (cb: IntersectionObserverCallback) => IntersectionObserver,
      findSpan: finder,
    });
    const node = longText();
    const p = document.createElement('p');
    p.textContent = 'short';
    document.body.append(p);
    const short = mentionAt(p.firstChild as Text, 0, 9);
    painter.add(mentionAt(node, 10, 1));
    painter.add(short);
    painter.seal();
    expect(watched).toEqual([p]);
    vi.advanceTimersByTime(100);
    expect(ids(sink.painted)).toEqual([1]);
    painter.clear();
    expect(sink.painted.size).toBe(0);
    vi.advanceTimersByTime(100);
    expect(sink.painted.size).toBe(0);
  });
});

describe('finding the stretch of a long node near the viewport', () => {
  /** Lays a node out as lines of 100 characters, 20 px high; offsets in `blank` have no box. */
  function laidOut(len: number, blank = new Set<number>()): Text {
    const node = longText(len);
    const el = node.parentElement as HTMLElement;
    el.getBoundingClientRect = () => new DOMRect(0, 0, 800, (len / 100) * 20);
    const make = document.createRange.bind(document);
    vi.spyOn(document, 'createRange').mockImplementation(() => {
      const r = make();
      r.getBoundingClientRect = () => {
        const o = r.startOffset;
        return blank.has(o) ? new DOMRect(0, 0, 0, 0) : new DOMRect(0, Math.floor(o / 100) * 20, 8, 20);
      };
      return r;
    });
    return node;
  }
  afterEach(() => vi.restoreAllMocks());

  it('bisects to the characters whose lines meet the band', () => {
    const node = laidOut(100_000);
    // Lines 50 to 99 (y 1000 to 1999); line 49 ends at y 1000, just short of the band.
    expect(findSpan(node, { top: 1001, bottom: 1999 })).toEqual([5000, 10_000]);
  });

  it('looks past characters without a box of their own', () => {
    const blank = new Set(Array.from({ length: 10 }, (_, i) => 4995 + i));
    const node = laidOut(100_000, blank);
    const got = findSpan(node, { top: 1001, bottom: 1999 });
    expect(got?.[0]).toBeLessThanOrEqual(5000);
    expect(got?.[1]).toBe(10_000);
  });

  it('finds nothing for a node outside the band or without a box', () => {
    const node = laidOut(100_000);
    expect(findSpan(node, { top: 30_000, bottom: 31_000 })).toBeNull();
    expect(findSpan(longText(), { top: 0, bottom: 900 })).toBeNull(); // no layout in happy-dom
  });
});
