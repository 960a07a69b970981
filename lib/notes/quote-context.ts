/**
 * How a note's quote context reads on screen and in exports. Since Gloss cuts the context
 * at word boundaries it stores the ellipsis itself ("…Security Council Secretary "), so it
 * is shown as stored. Notes saved by earlier versions hold 32 characters cut mid-word with no
 * ellipsis: those get one, as they always did.
 */
const ELLIPSIS = '\u2026';
/** The context length earlier versions cut at, with no ellipsis of their own. */
const LEGACY_CUT = 32;

/** The text shown before the quoted name. */
export function contextBefore(prefix: string): string {
  if (!prefix.trim()) return '';
  return prefix.startsWith(ELLIPSIS) || prefix.length < LEGACY_CUT ? prefix : ELLIPSIS + prefix;
}

/** The text shown after the quoted name. */
export function contextAfter(suffix: string): string {
  if (!suffix.trim()) return '';
  return suffix.endsWith(ELLIPSIS) || suffix.length < LEGACY_CUT ? suffix : suffix + ELLIPSIS;
}
