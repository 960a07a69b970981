/**
 * Where a card goes (numbers from Wikipedia Page Previews): 10 px from the word, below and
 * left-aligned by default, flipped above when the word is past the middle of the viewport
 * and right-aligned when it is past the middle horizontally; never closer than 5 px to a
 * viewport edge, and never over the word (the card's height is capped to the room left).
 */

export const CARD_WIDTH = 320;
export const CARD_MAX_WIDTH = 600;
export const EDGE_PX = 5;
export const GAP_PX = 10;

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  width: number;
  /** The most height the card may take; its content scrolls beyond that. */
  maxHeight: number;
  above: boolean;
  alignRight: boolean;
}

/** The card width for a viewport: ~320 px, at most min(600, 100vw - 30). */
export function cardWidth(viewportWidth: number): number {
  return Math.max(0, Math.min(CARD_WIDTH, CARD_MAX_WIDTH, viewportWidth - 30));
}

/** Places a card of `height` px next to `anchor` inside a `vw` x `vh` viewport. */
export function placeCard(anchor: RectLike, height: number, vw: number, vh: number): Placement {
  const width = cardWidth(vw);
  const midX = (anchor.left + anchor.right) / 2;
  const midY = (anchor.top + anchor.bottom) / 2;
  const alignRight = midX > vw / 2;
  const roomBelow = vh - EDGE_PX - (anchor.bottom + GAP_PX);
  const roomAbove = anchor.top - GAP_PX - EDGE_PX;
  // Past the middle the card goes above, unless it only fits below (and vice versa).
  let above = midY > vh / 2;
  if (above && roomAbove < height && roomBelow >= height) above = false;
  else if (!above && roomBelow < height && roomAbove >= height) above = true;
  const maxHeight = Math.max(0, above ? roomAbove : roomBelow);
  const h = Math.min(height, maxHeight);
  const top = above ? anchor.top - GAP_PX - h : anchor.bottom + GAP_PX;
  let left = alignRight ? anchor.right - width : anchor.left;
  left = Math.min(left, vw - EDGE_PX - width);
  left = Math.max(left, EDGE_PX);
  return { left, top: Math.max(EDGE_PX, top), width, maxHeight, above, alignRight };
}
