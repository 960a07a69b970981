/**
 * The compiled matcher for content scripts. Compiling ~14,000 forms costs hundreds of
 * milliseconds, so it happens here once per knowledge-base version, not on every page: the
 * result is kept serialized in memory and in IndexedDB (a restarted service worker reads it
 * back instead of compiling), and pages only restore it.
 */
import { getCachedMatcher, getKbVersion, getSurfaceForms, putCachedMatcher } from '@/lib/kb/db';
import { compileMatcher, deserializeMatcher, serializeMatcher, type SerializedMatcher } from '@/lib/recognize';

export interface MatcherAnswer {
  version: string;
  /** Null when the caller already has this version. */
  matcher: SerializedMatcher | null;
}

let current: { version: string; matcher: SerializedMatcher } | undefined;
let pending: { version: string; promise: Promise<{ version: string; matcher: SerializedMatcher }> } | undefined;

/**
 * The serialized matcher of the live knowledge base, or `matcher: null` when `have` is
 * already its version. Concurrent callers (every tab at browser start) share one build.
 */
export async function matcherFor(have: string | undefined): Promise<MatcherAnswer> {
  const version = await getKbVersion();
  if (have === version) return { version, matcher: null };
  if (current?.version === version) return current;
  if (pending?.version !== version) {
    const promise = loadOrCompile(version).finally(() => {
      if (pending?.promise === promise) pending = undefined;
    });
    pending = { version, promise };
  }
  const built = await pending.promise;
  current = built;
  return built.version === have ? { version: built.version, matcher: null } : built;
}

async function loadOrCompile(version: string): Promise<{ version: string; matcher: SerializedMatcher }> {
  const stored = await getCachedMatcher(version).catch(() => undefined);
  if (stored) {
    try {
      // Storage is outside this code's control: check every index once here, so that pages
      // can restore without checking (a blob of an older release fails on its version).
      deserializeMatcher(stored);
      return { version, matcher: stored };
    } catch (err) {
      console.info('Gloss: recompiling the matcher:', err instanceof Error ? err.message : err);
    }
  }
  const { version: formsVersion, forms } = await getSurfaceForms();
  performance.mark('gloss:matcher-start');
  const matcher = serializeMatcher(compileMatcher(forms));
  const m = performance.measure('gloss:matcher-compile', 'gloss:matcher-start');
  console.info(`Gloss: compiled ${matcher.formCount} forms in ${Math.round(m.duration)} ms`);
  // A pack imported meanwhile makes the forms newer than `version`: key by what was compiled.
  await putCachedMatcher(formsVersion, matcher).catch((err: unknown) => console.warn('Gloss: matcher not cached:', err));
  return { version: formsVersion, matcher };
}

/** Test hook: forgets the in-memory matcher. */
export function _forgetMatcherForTests(): void {
  current = undefined;
  pending = undefined;
}
