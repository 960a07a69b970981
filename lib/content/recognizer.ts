/**
 * Builds the page's recognizer from the matcher the background compiled and sends
 * serialized once per page (restoring it takes milliseconds; compiling here took hundreds).
 * The matcher is kept per KB version, so turning Gloss off and on again (or a settings
 * change) does not fetch it again.
 */
import { createDocumentRecognizer, deserializeMatcher, type Matcher } from '@/lib/recognize';
import type { SerializedMatcher } from '@/lib/recognize/types';
import type { BlockRecognizer } from './scanner';

let cached: { version: string; matcher: Matcher } | null = null;

/** A fresh document recognizer for the KB's matcher (the matcher is reused per version). */
export async function loadRecognizer(
  fetchMatcher: () => Promise<{ version: string; matcher: SerializedMatcher | null }>,
): Promise<BlockRecognizer> {
  if (!cached) {
    const asked = performance.now();
    const { version, matcher } = await fetchMatcher();
    const got = performance.now();
    if (!matcher) throw new Error('Gloss: the background sent no matcher');
    // Trusted: it comes straight from the background, which verified anything it read from storage.
    if (!cached) cached = { version, matcher: deserializeMatcher(matcher, { trusted: true }) };
    // Visible in the page's performance timeline, so the bench can tell these costs apart
    // (names kept from when the page compiled forms: "forms" = the message, "compile" = restoring).
    mark('gloss:forms', asked, got);
    mark('gloss:compile', got, performance.now());
  }
  return createDocumentRecognizer(cached.matcher);
}

/**
 * Asks whether the knowledge base changed since the cached matcher was built (`liveVersion`
 * gets the version the page has and answers the live one; the background's `getMatcher`
 * with `have` answers that without sending a matcher). If it changed, drops the cached
 * matcher so the next `loadRecognizer` builds the new one, and returns true.
 */
export async function refreshRecognizer(liveVersion: (have: string) => Promise<string>): Promise<boolean> {
  const have = cached;
  if (!have) return false;
  const live = await liveVersion(have.version);
  if (live === have.version || cached !== have) return false;
  cached = null;
  return true;
}

/** Drops the compiled matcher (the KB changed). */
export function forgetRecognizer(): void {
  cached = null;
}

function mark(name: string, start: number, end: number): void {
  try {
    performance.measure(name, { start, end });
  } catch {
    /* user timing unavailable: nothing to report */
  }
}
