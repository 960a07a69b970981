// @vitest-environment happy-dom
import { NearViewportPainter } from './near-viewport';
import type { PageMention } from './mention-store';

/** An IntersectionObserver stand-in the test drives by hand. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly watched = new Set<Element>();
  constructor(private readonly cb: IntersectionObserverCallback) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.watched.add(el);
  }
  unobserve(el: Element) {
    this.watched.delete(el);
  }
  disconnect() {
    this.watched.clear();
  }
  /** Reports `els` as (not) intersecting; a zero rect when `boxless`. */
  fire(els: Element[], near: boolean, boxless = false) {
    const rect = boxless ? new DOMRect(0, 0, 0, 0) : new DOMRect(0, near ? 10 : 5000, 100, 20);
    const entries = els.map((target) => ({ target, isIntersecting: near, boundingClientRect: rect }));
    this.cb(entries as unknown as IntersectionObserverEntry[], this as unknown as IntersectionObserver);
  }
}

function mentionIn(p: Element, id: number): PageMention {
  const node = p.firstChild as Text;
  return {
    id,
    entityId: `Q${id}`,
    category: 'person',
    via: 'direct',
    range: { startContainer: node, startOffset: 0, endContainer: node, endOffset: 1 } as unknown as StaticRange,
    nodes: [node],
    quote: { exact: 'x', prefix: '', suffix: '' },
  };
}

function setup(paragraphs: number, chunk = 4) {
  document.body.innerHTML = Array.from({ length: paragraphs }, (_, i) => `<p>para ${i}</p>`).join('');
  const ps = [...document.querySelectorAll('p')];
  const painted = new Set<PageMention>();
  const sink = { add: (m: PageMention) => painted.add(m), remove: (m: PageMention) => painted.delete(m) };
  const displays = new Map<Element, string>();
  const painter = new NearViewportPainter(sink, {
    chunk,
    Observer: FakeObserver as unknown as typeof IntersectionObserver,
    displayOf: (el) => displays.get(el) ?? 'block',
  });
  const ms = ps.map((p, i) => mentionIn(p, i));
  for (const m of ms) painter.add(m);
  painter.seal();
  return { ps, ms, painted, painter, io: FakeObserver.last as FakeObserver, displays };
}

describe('NearViewportPainter', () => {
  it('watches only the ends of each chunk and paints a whole chunk when an end comes near', () => {
    const { ps, ms, painted, io } = setup(8);
    expect([...io.watched]).toEqual([ps[0], ps[3], ps[4], ps[7]]);
    expect(painted.size).toBe(0);
    io.fire([ps[3] as Element], true);
    expect([...painted]).toEqual(ms.slice(0, 4));
    io.fire([ps[4] as Element], true);
    expect(painted.size).toBe(8);
    io.fire([ps[3] as Element], false);
    expect([...painted]).toEqual(ms.slice(4));
  });

  it('watches new anchors only when the scan is sealed, and paints batches by geometry', () => {
    document.body.innerHTML = '<p>a</p><p>b</p><p>c</p>';
    const ps = [...document.querySelectorAll('p')];
    const painted = new Set<PageMention>();
    const painter = new NearViewportPainter(
      { add: (m) => painted.add(m), remove: (m) => painted.delete(m) },
      { chunk: 2, Observer: FakeObserver as unknown as typeof IntersectionObserver, displayOf: () => 'block' },
    );
    const io = FakeObserver.last as FakeObserver;
    // The first two paragraphs are on screen, the third far below.
    ps.forEach((p, i) =>
      Object.defineProperty(p, 'getBoundingClientRect', { value: () => new DOMRect(0, i < 2 ? 100 : 50_000, 100, 20) }),
    );
    const ms = ps.map((p, i) => mentionIn(p, i));
    for (const m of ms) painter.add(m);
    painter.flush();
    expect(io.watched.size).toBe(0);
    expect([...painted]).toEqual(ms.slice(0, 2));
    painter.seal();
    expect([...io.watched]).toEqual([ps[0], ps[1], ps[2]]);
  });

  it('paints mentions added to a painted chunk at the next flush, and forgets removed ones', () => {
    const { ps, ms, painted, painter, io } = setup(4);
    io.fire([ps[0] as Element], true);
    const extra = mentionIn(ps[1] as Element, 99);
    painter.add(extra);
    expect(painted.has(extra)).toBe(false);
    painter.flush();
    expect(painted.has(extra)).toBe(true);
    // One removed before the flush is never painted.
    const gone = mentionIn(ps[2] as Element, 98);
    painter.add(gone);
    painter.remove(gone);
    painter.flush();
    expect(painted.has(gone)).toBe(false);
    painter.remove(ms[0] as PageMention);
    expect(painted.has(ms[0] as PageMention)).toBe(false);
    // The first paragraph has no mention left: the chunk's new first end is watched.
    expect(io.watched.has(ps[0] as Element)).toBe(false);
    expect(io.watched.has(ps[1] as Element)).toBe(true);
    expect([...painter.active()]).toContain(extra);
  });

  it('watches a long page\'s anchors a few hundred per task, and none after clear()', async () => {
    const { io, painter } = setup(1000, 1);
    expect(io.watched.size).toBe(200);
    await new Promise((ok) => setTimeout(ok, 50));
    expect(io.watched.size).toBe(1000);
    const other = setup(1000, 1);
    other.painter.clear();
    await new Promise((ok) => setTimeout(ok, 50));
    expect(other.io.watched.size).toBe(0);
    painter.clear();
  });

  it('paints by geometry the chunks that meet the band when asked to recheck (end of a scan)', () => {
    const { ps, ms, painted, painter } = setup(8);
    const at = (el: Element, top: number) =>
      Object.defineProperty(el, 'getBoundingClientRect', { value: () => new DOMRect(0, top, 100, 20), configurable: true });
    ps.forEach((p, i) => at(p, i < 4 ? 100 + i * 20 : 20_000 + i * 20));
    painter.recheck();
    expect([...painted]).toEqual(ms.slice(0, 4));
    // Scrolled far down: the first chunk leaves the band, the second enters it.
    ps.forEach((p, i) => at(p, i < 4 ? -20_000 + i * 20 : 100 + i * 20));
    painter.recheck();
    expect([...painted]).toEqual(ms.slice(4));
  });

  it('always paints a chunk whose watched end has no box (display: contents)', () => {
    const { ps, painted, io, displays } = setup(2, 2);
    displays.set(ps[0] as Element, 'contents');
    io.fire([ps[0] as Element], false, true);
    expect(painted.size).toBe(2);
    // A hidden (display: none) end is not painted for that.
    const other = setup(2, 2);
    other.io.fire([other.ps[0] as Element], false, true);
    expect(other.painted.size).toBe(0);
  });

  it('paints everything at once where there is no IntersectionObserver', () => {
    document.body.innerHTML = '<p>one</p>';
    const painted = new Set<PageMention>();
    const saved = globalThis.IntersectionObserver;
    // @ts-expect-error: simulating a browser without the API
    delete globalThis.IntersectionObserver;
    try {
      const painter = new NearViewportPainter({ add: (m) => painted.add(m), remove: (m) => painted.delete(m) });
      const m = mentionIn(document.querySelector('p') as Element, 1);
      painter.add(m);
      expect(painted.has(m)).toBe(true);
      painter.clear();
      expect(painted.size).toBe(0);
    } finally {
      globalThis.IntersectionObserver = saved;
    }
  });
});
