/**
 * Keyboard access to mentions: Alt+Shift+N / Alt+Shift+P move to the next / previous
 * mention (also sent as browser commands and forwarded by the background). Keys typed in
 * editable fields are the reader's, never ours.
 */
import type { PageMention } from './mention-store';

export type NavDirection = 'next' | 'previous';

/** Whether the event's target is somewhere the reader types. */
export function isEditableTarget(target: EventTarget | null): boolean {
  const el = target as (Element & { isContentEditable?: boolean }) | null;
  if (!el || el.nodeType !== 1) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image'].includes(type);
  }
  if (el.isContentEditable) return true;
  return el.closest('[contenteditable]:not([contenteditable="false"]), [role="textbox"]') !== null;
}

/** The navigation a keydown asks for, if any (by physical key: Alt changes `key` on macOS). */
export function navKey(
  e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
): NavDirection | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  if (e.code === 'KeyN') return 'next';
  if (e.code === 'KeyP') return 'previous';
  return null;
}

/** The mention after/before `current` in document order, wrapping around; null if none. */
export function pickMention(
  ordered: readonly PageMention[],
  current: PageMention | null,
  dir: NavDirection,
  enabled: (m: PageMention) => boolean,
): PageMention | null {
  const list = ordered.filter(enabled);
  if (!list.length) return null;
  const i = current ? list.indexOf(current) : -1;
  if (i < 0) return dir === 'next' ? (list[0] ?? null) : (list[list.length - 1] ?? null);
  const j = dir === 'next' ? (i + 1) % list.length : (i - 1 + list.length) % list.length;
  return list[j] ?? null;
}
