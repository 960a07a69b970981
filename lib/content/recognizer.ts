/**
 * Builds the page's recognizer from the knowledge base's surface forms, which the background
 * sends once per page. The compiled matcher is kept per KB version, so turning Gloss off and
 * on again (or a settings change) does not rebuild it.
 */
import { compileMatcher, createDocumentRecognizer } from '@/lib/recognize';
import type { SurfaceForm } from '@/lib/recognize/types';
import type { BlockRecognizer } from './scanner';

type Matcher = ReturnType<typeof compileMatcher>;

let cached: { version: string; matcher: Matcher } | null = null;

/** A fresh document recognizer for the KB's forms (the matcher is reused per version). */
export async function loadRecognizer(
  fetchForms: () => Promise<{ version: string; forms: SurfaceForm[] }>,
): Promise<BlockRecognizer> {
  if (!cached) {
    const { version, forms } = await fetchForms();
    if (!cached) cached = { version, matcher: compileMatcher(forms) };
  }
  return createDocumentRecognizer(cached.matcher);
}

/** Drops the compiled matcher (the KB changed). */
export function forgetRecognizer(): void {
  cached = null;
}
