/**
 * Recognition for pages, run in the background so that a page's main thread only walks its
 * DOM and paints: one document recognizer per page session (tab, frame and the page's own
 * session id), so coreference ("Kim" after "Kim Jong Un") carries across the batches of a
 * scan exactly as it did when the page recognized itself.
 *
 * Sessions live in memory only. A restarted service worker has none: an unknown session gets
 * a fresh recognizer, so a bare surname whose full name came in an earlier batch then gets no
 * card (the safe outcome). A KB change also starts a session over, with the new matcher.
 */
import type { Category, DocumentRecognizer, Matcher } from '@/lib/recognize';
import { createDocumentRecognizer } from '@/lib/recognize';
import type { RecognizeAnswer } from '@/lib/messages';

/** Request limits: anything beyond them is refused, not truncated. */
export const MAX_TEXTS = 2000;
export const MAX_CHARS = 256 * 1024;
export const MAX_SESSION_CHARS = 64;
/** Sessions kept (least recently used dropped first): about one per open tab and frame. */
export const MAX_SESSIONS = 100;

interface Session {
  version: string;
  recognizer: DocumentRecognizer;
  tabId: number;
  frameId: number;
}

/** Where a request came from: the sender's tab and frame (-1 when it has none). */
export interface Origin {
  tabId: number;
  frameId: number;
}

/**
 * Checks a `recognize` payload: a session id of 1-64 characters, an optional boolean
 * `reset`, and at most `MAX_TEXTS` strings of `MAX_CHARS` characters in all. Throws otherwise.
 */
export function parseRecognizeRequest(payload: unknown): { session: string; reset: boolean; texts: string[] } {
  if (typeof payload !== 'object' || payload === null) throw new TypeError('recognize: not an object');
  const { session, reset, texts } = payload as Record<string, unknown>;
  if (typeof session !== 'string' || session.length === 0 || session.length > MAX_SESSION_CHARS) {
    throw new TypeError('recognize: bad session id');
  }
  if (reset !== undefined && typeof reset !== 'boolean') throw new TypeError('recognize: bad reset flag');
  if (!Array.isArray(texts) || texts.length > MAX_TEXTS) throw new TypeError('recognize: bad texts');
  let chars = 0;
  for (const t of texts as unknown[]) {
    if (typeof t !== 'string') throw new TypeError('recognize: texts must be strings');
    chars += t.length;
  }
  if (chars > MAX_CHARS) throw new TypeError('recognize: too much text in one batch');
  return { session, reset: reset === true, texts: texts as string[] };
}

/** The page sessions of the background, bounded, each with its own recognizer. */
export class RecognitionSessions {
  private readonly sessions = new Map<string, Session>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly matcher: () => Promise<{ version: string; matcher: Matcher }>,
    private readonly max = MAX_SESSIONS,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /**
   * Recognizes `texts` in order in the session, and answers the mentions compactly (see
   * `RecognizeAnswer`). `reset` starts the session over and drops the frame's other sessions
   * (a frame runs one page session at a time; the others are finished scans).
   */
  recognize(from: Origin, session: string, reset: boolean, texts: string[]): Promise<RecognizeAnswer> {
    // One queue for all batches, so each session's batches run in the order they arrived
    // even though finding the matcher awaits IndexedDB.
    const run = this.queue.then(() => this.run(from, session, reset, texts));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(from: Origin, session: string, reset: boolean, texts: string[]): Promise<RecognizeAnswer> {
    const key = `${from.tabId}:${from.frameId}:${session}`;
    if (reset) this.dropFrame(from, key);
    const live = await this.matcher();
    // Only the version asked (is the page's KB still the live one?): no session needed.
    if (texts.length === 0 && !reset) return { version: live.version, entities: [], mentions: [] };
    let s = this.sessions.get(key);
    if (!s || reset || s.version !== live.version) {
      s = { version: live.version, recognizer: createDocumentRecognizer(live.matcher), ...from };
    }
    // Most recently used goes last; the first entries are the ones to evict.
    this.sessions.delete(key);
    this.sessions.set(key, s);
    this.evict();
    const recognizer = s.recognizer;
    return encode(s.version, texts.map((t) => recognizer.feed(t)));
  }

  /** Forgets every session of a tab (it was closed). */
  dropTab(tabId: number): void {
    for (const [key, s] of this.sessions) if (s.tabId === tabId) this.sessions.delete(key);
  }

  private dropFrame(from: Origin, keep: string): void {
    for (const [key, s] of this.sessions) {
      if (key !== keep && s.tabId === from.tabId && s.frameId === from.frameId) this.sessions.delete(key);
    }
  }

  private evict(): void {
    for (const key of this.sessions.keys()) {
      if (this.sessions.size <= this.max) break;
      this.sessions.delete(key);
    }
  }
}

type Found = { start: number; end: number; entityId: string; category: Category; via: 'direct' | 'coref' };

/** Packs mentions per text into flat number arrays with one shared entity table. */
export function encode(version: string, perText: readonly (readonly Found[])[]): RecognizeAnswer {
  const entities: RecognizeAnswer['entities'] = [];
  const index = new Map<string, number>();
  const mentions = perText.map((found) => {
    const flat: number[] = [];
    for (const m of found) {
      let e = index.get(m.entityId);
      if (e === undefined) {
        e = entities.length;
        index.set(m.entityId, e);
        entities.push({ id: m.entityId, category: m.category });
      }
      flat.push(m.start, m.end, e, m.via === 'coref' ? 1 : 0);
    }
    return flat;
  });
  return { version, entities, mentions };
}
