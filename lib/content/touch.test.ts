// @vitest-environment happy-dom
import { TAP_MAX_MS, TAP_SLOP_PX, TapTracker, insideInteractive } from './touch';

const at = (x: number, y: number, pointerId = 1, isPrimary = true) => ({ pointerId, clientX: x, clientY: y, isPrimary });

describe('TapTracker', () => {
  it('counts a short press that stays put as a tap', () => {
    const t = new TapTracker();
    t.press(at(100, 100), 0);
    expect(t.release(at(103, 98), 120)).toBe(true);
  });

  it('does not count a finger that moved (a scroll) or stayed down (a long-press)', () => {
    const t = new TapTracker();
    t.press(at(100, 100), 0);
    expect(t.release(at(100, 100 + TAP_SLOP_PX + 5), 100)).toBe(false);
    t.press(at(100, 100), 1000);
    expect(t.release(at(100, 100), 1000 + TAP_MAX_MS + 1)).toBe(false);
  });

  it('drops a touch the browser cancelled for scrolling', () => {
    const t = new TapTracker();
    t.press(at(50, 50), 0);
    t.cancel({ pointerId: 1 });
    expect(t.release(at(50, 50), 80)).toBe(false);
  });

  it('ignores multi-finger gestures until every finger is up', () => {
    const t = new TapTracker();
    t.press(at(50, 50, 1), 0);
    t.press(at(200, 200, 2, false), 10);
    expect(t.release(at(200, 200, 2, false), 60)).toBe(false);
    expect(t.release(at(50, 50, 1), 80)).toBe(false);
    // A fresh single tap afterwards works again.
    t.press(at(60, 60, 3), 500);
    expect(t.release(at(60, 60, 3), 560)).toBe(true);
  });

  it('matches the up to its own down', () => {
    const t = new TapTracker();
    t.press(at(10, 10, 4), 0);
    expect(t.release(at(10, 10, 9), 50)).toBe(false);
  });
});

describe('insideInteractive', () => {
  function textIn(html: string, selector: string): Text {
    document.body.innerHTML = html;
    const el = document.querySelector(selector);
    const text = el?.firstChild;
    if (!text || text.nodeType !== 3) throw new Error('no text');
    return text as Text;
  }

  it('is true inside links, buttons, controls and scripted roles', () => {
    expect(insideInteractive(textIn('<p><a href="/x"><b>Kim Jong Un</b></a></p>', 'b'))).toBe(true);
    expect(insideInteractive(textIn('<button><span>Park</span></button>', 'span'))).toBe(true);
    expect(insideInteractive(textIn('<div role="link"><i>Kyiv</i></div>', 'i'))).toBe(true);
    expect(insideInteractive(textIn('<label><em>NATO</em><input></label>', 'em'))).toBe(true);
    expect(insideInteractive(textIn('<div contenteditable><em>Seoul</em></div>', 'em'))).toBe(true);
  });

  it('is false in prose, in an anchor without href and where editing is switched off', () => {
    expect(insideInteractive(textIn('<p>Kim <em>Jong Un</em></p>', 'em'))).toBe(false);
    expect(insideInteractive(textIn('<p><a name="top"><em>Seoul</em></a></p>', 'em'))).toBe(false);
    expect(insideInteractive(textIn('<div contenteditable="false"><em>Seoul</em></div>', 'em'))).toBe(false);
  });

  it('looks through a shadow root to its host', () => {
    document.body.innerHTML = '<a href="/story"><x-teaser></x-teaser></a><x-plain></x-plain>';
    const inLink = document.querySelector('x-teaser')!.attachShadow({ mode: 'open' });
    inLink.innerHTML = '<span>Shoigu</span>';
    const plain = document.querySelector('x-plain')!.attachShadow({ mode: 'open' });
    plain.innerHTML = '<span>Shoigu</span>';
    expect(insideInteractive(inLink.querySelector('span')!.firstChild!)).toBe(true);
    expect(insideInteractive(plain.querySelector('span')!.firstChild!)).toBe(false);
  });
});
