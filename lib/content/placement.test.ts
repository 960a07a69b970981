import { cardWidth, EDGE_PX, GAP_PX, placeCard } from './placement';

const word = (left: number, top: number, w = 60, h = 20) => ({ left, top, right: left + w, bottom: top + h });

describe('placeCard', () => {
  it('puts the card 10 px below a word in the upper-left quarter, left-aligned', () => {
    const p = placeCard(word(100, 100), 200, 1280, 900);
    expect(p).toMatchObject({ left: 100, top: 120 + GAP_PX, width: 320, above: false, alignRight: false });
  });

  it('flips above a word past the middle of the viewport, and right-aligns past the middle', () => {
    const p = placeCard(word(900, 700), 200, 1280, 900);
    expect(p.above).toBe(true);
    expect(p.top).toBe(700 - GAP_PX - 200);
    expect(p.alignRight).toBe(true);
    expect(p.left + p.width).toBe(960);
  });

  it('never leaves the viewport, keeping 5 px from the edges', () => {
    const p = placeCard(word(2, 100, 30), 200, 1280, 900);
    expect(p.left).toBe(EDGE_PX);
    const q = placeCard(word(1250, 100, 28), 200, 1280, 900);
    expect(q.left + q.width).toBeLessThanOrEqual(1280 - EDGE_PX);
  });

  it('caps the height to the room on its side so it never covers the word', () => {
    const p = placeCard(word(100, 300), 800, 1280, 900);
    expect(p.above).toBe(false);
    expect(p.maxHeight).toBe(900 - EDGE_PX - (320 + GAP_PX));
    expect(p.top).toBe(330);
  });

  it('goes to the other side when only that side has room', () => {
    const p = placeCard(word(100, 400), 450, 1280, 900); // below the middle? no: mid 410 < 450
    expect(p.above).toBe(false);
    const q = placeCard(word(100, 100), 600, 1280, 700); // below has 565 px, above 85 px
    expect(q.above).toBe(false);
    const r = placeCard(word(100, 600), 300, 1280, 700); // above the middle? yes, and room above
    expect(r.above).toBe(true);
  });

  it('shrinks on narrow viewports: at most 100vw - 30px', () => {
    expect(cardWidth(1280)).toBe(320);
    expect(cardWidth(300)).toBe(270);
    const p = placeCard(word(10, 10), 100, 300, 600);
    expect(p.width).toBe(270);
    expect(p.left).toBeGreaterThanOrEqual(EDGE_PX);
  });
});
