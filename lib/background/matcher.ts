/**
 * The compiled matcher of the live knowledge base, for recognition in the background.
 * Compiling ~14,000 forms costs hundreds of milliseconds, so it happens once per
 * knowledge-base version: the result is kept in memory, and serialized in IndexedDB so that
 * a restarted service worker (Chrome stops an idle one after ~30 s) restores it in tens of
 * milliseconds instead of compiling again.
 */
import { getCachedMatcher, getKbVersion, getSurfaceForms, putCachedMatcher } from '@/lib/kb/db';
import { compileMatcher, deserializeMatcher, serializeMatcher, type Matcher } from '@/lib/recognize';

export interface LiveMatcher {
  /** The knowledge-base version the matcher was built from. */
  version: string;
  matcher: Matcher;
}

let current: LiveMatcher | undefined;
let pending: { version: string; promise: Promise<LiveMatcher> } | undefined;

/**
 * The matcher of the live knowledge base. Concurrent callers (every tab at browser start)
 * share one build; a new KB version (a pack imported) builds a new one.
 */
export async function liveMatcher(): Promise<LiveMatcher> {
  const version = await getKbVersion();
  if (current?.version === version) return current;
  if (pending?.version !== version) {
    const promise = loadOrCompile(version).finally(() => {
      if (pending?.promise === promise) pending = undefined;
    });
    pending = { version, promise };
  }
  const built = await pending.promise;
  current = built;
  return built;
}

async function loadOrCompile(version: string): Promise<LiveMatcher> {
  const stored = await getCachedMatcher(version).catch(() => undefined);
  if (stored) {
    try {
      // Storage is outside this code's control: restore with every index checked.
      return { version, matcher: deserializeMatcher(stored) };
    } catch (err) {
      console.info('Gloss: recompiling the matcher:', err instanceof Error ? err.message : err);
    }
  }
  const { version: formsVersion, forms } = await getSurfaceForms();
  performance.mark('gloss:matcher-start');
  const matcher = compileMatcher(forms);
  const m = performance.measure('gloss:matcher-compile', 'gloss:matcher-start');
  console.info(`Gloss: compiled ${matcher.formCount} forms in ${Math.round(m.duration)} ms`);
  // A pack imported meanwhile makes the forms newer than `version`: key by what was compiled.
  await putCachedMatcher(formsVersion, serializeMatcher(matcher)).catch((err: unknown) =>
    console.warn('Gloss: matcher not cached:', err),
  );
  return { version: formsVersion, matcher };
}

/** Test hook: forgets the in-memory matcher (as a restarted service worker would). */
export function _forgetMatcherForTests(): void {
  current = undefined;
  pending = undefined;
}
