/**
 * Hover intent for cards (numbers from Wikipedia Page Previews): a card opens once the
 * pointer has rested on a mention for the dwell delay, never while it sweeps fast across
 * text (>= 0.5 px/ms restarts the wait), and closes ~300 ms after the pointer leaves, unless
 * it travels onto the card. A pointer that jumps onto the card from rest (no path between,
 * which only synthetic input does) and then rests there over another mention is hovering
 * that mention, not the card: after the dwell delay its card replaces this one, unless the
 * pointer moves or presses first (a click on the card's buttons).
 */

export const FAST_PX_PER_MS = 0.5;
export const GRACE_MS = 300;
/** A jump longer than this after a pause longer than JUMP_PAUSE_MS has no path behind it. */
const JUMP_PX = 15;
const JUMP_PAUSE_MS = 100;
const BURST_MS = 3;

export interface HoverDeps<T> {
  /** The target (mention) under a viewport point, or null. */
  hitTest(x: number, y: number): T | null;
  /** The target under a point covered by the card (ignoring the card), or null. */
  beneath(x: number, y: number): T | null;
  same(a: T, b: T): boolean;
  show(target: T, x: number, y: number): void;
  hide(): void;
  /** The target whose card hover opened and still shows (null if none, or pinned). */
  shown(): T | null;
  delayMs(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(id: unknown): void;
}

interface Sample {
  x: number;
  y: number;
  t: number;
  overCard: boolean;
  /** Arrived on the card without a path (see the module comment). */
  synthetic?: boolean;
}

export class HoverIntent<T> {
  private last: Sample | null = null;
  private pending: T | null = null;
  private dwellTimer: unknown = null;
  private graceTimer: unknown = null;

  constructor(private readonly deps: HoverDeps<T>) {}

  /** Feeds one pointer position (viewport coordinates, time in ms). */
  move(x: number, y: number, t: number, overCard: boolean): void {
    const prev = this.last;
    this.last = { x, y, t, overCard };
    const dt = prev ? Math.max(1, t - prev.t) : Infinity;
    const dist = prev ? Math.hypot(x - prev.x, y - prev.y) : 0;
    if (overCard) {
      this.cancelDwell();
      this.cancelGrace();
      // No path behind it: a long hop after a pause, or a burst of moves faster than any
      // display delivers them (pointer events are coalesced per frame, >= ~4 ms apart).
      const jumped = prev !== null && !prev.overCard && ((dt > JUMP_PAUSE_MS && dist > JUMP_PX) || dt < BURST_MS);
      const synthetic = jumped || (prev !== null && prev.synthetic && dt < BURST_MS);
      this.last.synthetic = synthetic;
      if (synthetic) this.watchBeneath(x, y);
      return;
    }
    const fast = dist / dt >= FAST_PX_PER_MS;
    const hit = this.deps.hitTest(x, y);
    const shown = this.deps.shown();
    if (hit && shown && this.deps.same(hit, shown)) {
      this.cancelGrace();
      this.cancelDwell();
      return;
    }
    if (shown) this.startGrace();
    if (!hit) {
      this.cancelDwell();
      return;
    }
    if (fast || this.pending === null || !this.deps.same(this.pending, hit)) this.startDwell(hit);
  }

  /** A button was pressed: whatever the pointer rests on, the reader is acting, not hovering. */
  press(): void {
    if (this.last?.overCard) this.cancelDwell();
  }

  /** After a jump onto the card: if the pointer rests there, show the mention beneath. */
  private watchBeneath(x: number, y: number): void {
    const beneath = this.deps.beneath(x, y);
    const shown = this.deps.shown();
    if (!beneath || (shown && this.deps.same(beneath, shown))) return;
    const at = this.last;
    this.pending = beneath;
    this.dwellTimer = this.deps.setTimer(() => {
      this.dwellTimer = null;
      this.pending = null;
      if (!at || this.last !== at) return;
      this.deps.hide();
      // The pointer now rests on the word: the old card is gone from under it.
      at.overCard = false;
      this.deps.show(beneath, x, y);
    }, this.deps.delayMs());
  }

  /** The pointer left the page (or the window lost it). */
  leave(): void {
    this.cancelDwell();
    if (this.deps.shown()) this.startGrace();
  }

  /**
   * What lies under the pointer changed without it moving (a shadow root was just scanned):
   * take its resting place as a fresh sample, so a mention found there starts the dwell.
   */
  again(t: number): void {
    const at = this.last;
    if (!at || at.overCard || this.pending !== null) return;
    this.move(at.x, at.y, t, false);
  }

  /** Forgets pending timers (card closed by other means, or teardown). */
  reset(): void {
    this.cancelDwell();
    this.cancelGrace();
  }

  private startDwell(target: T): void {
    this.cancelDwell();
    this.pending = target;
    this.dwellTimer = this.deps.setTimer(() => {
      this.dwellTimer = null;
      this.pending = null;
      const at = this.last;
      if (!at || at.overCard) return;
      const hit = this.deps.hitTest(at.x, at.y);
      if (!hit) return;
      this.cancelGrace();
      this.deps.show(hit, at.x, at.y);
    }, this.deps.delayMs());
  }

  private cancelDwell(): void {
    if (this.dwellTimer !== null) this.deps.clearTimer(this.dwellTimer);
    this.dwellTimer = null;
    this.pending = null;
  }

  private startGrace(): void {
    if (this.graceTimer !== null) return;
    this.graceTimer = this.deps.setTimer(() => {
      this.graceTimer = null;
      if (this.last?.overCard) return;
      this.deps.hide();
    }, GRACE_MS);
  }

  private cancelGrace(): void {
    if (this.graceTimer !== null) this.deps.clearTimer(this.graceTimer);
    this.graceTimer = null;
  }
}
