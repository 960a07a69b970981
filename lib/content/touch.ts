/**
 * Touch input: there is no hover on a touch screen, so a tap on a mention opens its card at
 * once and a tap anywhere else closes it. Only taps count: a finger that moves (a scroll, a
 * pinch) or stays down (a long-press, the browser's own menu) is the page's and the
 * browser's, and Gloss only observes (passive listeners, never `preventDefault`).
 *
 * A mention inside a link, button or other control keeps the page's behaviour: its tap
 * navigates or acts, and Gloss shows no card for it (the keyboard commands and the popup's
 * list still reach it). A long-press there would compete with the browser's link menu.
 */

/** A finger that moves further than this between down and up is scrolling, not tapping. */
export const TAP_SLOP_PX = 10;
/** Held longer than this, it is a long-press (the browser's menu, text selection). */
export const TAP_MAX_MS = 500;

export interface PointerSample {
  pointerId: number;
  clientX: number;
  clientY: number;
  isPrimary: boolean;
}

interface Down {
  id: number;
  x: number;
  y: number;
  t: number;
}

/** Tells taps from scrolls, long-presses and multi-finger gestures, one finger at a time. */
export class TapTracker {
  private down: Down | null = null;
  /** A second finger joined: nothing until every finger is up counts as a tap. */
  private spoiled = false;
  private fingers = 0;

  /** A touch pointer went down (time in ms). */
  press(e: PointerSample, t: number): void {
    this.fingers++;
    if (!e.isPrimary || this.fingers > 1) {
      this.spoiled = true;
      this.down = null;
      return;
    }
    this.spoiled = false;
    this.down = { id: e.pointerId, x: e.clientX, y: e.clientY, t };
  }

  /** A touch pointer went up: true if this completes a tap. */
  release(e: PointerSample, t: number): boolean {
    this.fingers = Math.max(0, this.fingers - 1);
    const d = this.down;
    if (!d || d.id !== e.pointerId) return false;
    this.down = null;
    if (this.spoiled) return false;
    const still = Math.hypot(e.clientX - d.x, e.clientY - d.y) <= TAP_SLOP_PX;
    return still && t - d.t <= TAP_MAX_MS;
  }

  /** The browser took the touch over (scrolling, zooming): no tap from it. */
  cancel(e: Pick<PointerSample, 'pointerId'>): void {
    this.fingers = Math.max(0, this.fingers - 1);
    if (this.down?.id === e.pointerId) this.down = null;
  }
}

/**
 * Elements whose tap belongs to the page: links, buttons, form controls, things scripted to
 * act as them (ARIA roles) and editable text.
 */
const INTERACTIVE = [
  'a[href]',
  'area[href]',
  'button',
  'summary',
  'label',
  'select',
  'option',
  'input',
  'textarea',
  'video',
  'audio',
  '[role="button"]',
  '[role="link"]',
  '[role="menuitem"]',
  '[role="tab"]',
  '[role="checkbox"]',
  '[role="switch"]',
  '[role="option"]',
  '[contenteditable]:not([contenteditable="false"])',
].join(',');

/**
 * Whether a node sits inside a link, button or other control, looking through shadow roots
 * to their hosts (a custom element's shadow text inside a page link is still the link's).
 */
export function insideInteractive(node: Node): boolean {
  let n: Node | null = node;
  while (n) {
    if (n.nodeType === 1 && (n as Element).matches(INTERACTIVE)) return true;
    // A shadow root (fragment type 11 with a host) continues at its host.
    n = n.parentNode ?? (n.nodeType === 11 && 'host' in n ? (n as ShadowRoot).host : null);
  }
  return false;
}
