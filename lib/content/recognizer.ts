/**
 * The page's recognizer, a proxy for the one in the background (lib/background/recognize.ts):
 * the page sends batches of block text and gets mentions back, so neither the matcher
 * (1.4 MB) nor the matching ever touches the page's main thread. A session id ties the
 * batches of one page together for coreference; `reset()` starts a new session.
 */
import type { RecognizeAnswer, RecognizeRequest } from '@/lib/messages';
import type { Mention } from '@/lib/recognize/types';
import type { BlockRecognizer } from './scanner';

/** How the page asks the background (`send('recognize', …)`; injected for tests). */
export type AskRecognize = (req: RecognizeRequest) => Promise<RecognizeAnswer>;

/**
 * The KB version the page's current session started with (null before its first answer). A
 * later batch may already come from a newer KB (the background starts the session over):
 * comparing against the start still tells that the page holds mentions of the old one.
 */
let sessionVersion: string | null = null;

function newSession(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A recognizer for one page that recognizes in the background. */
export function remoteRecognizer(ask: AskRecognize): BlockRecognizer {
  let session = newSession();
  let fresh = true;
  return {
    async feedMany(texts: string[]): Promise<Mention[][]> {
      const req: RecognizeRequest = { session, texts };
      const first = fresh;
      if (first) req.reset = true;
      fresh = false;
      const answer = await ask(req);
      if (first && req.session === session) sessionVersion = answer.version;
      return decodeAnswer(answer, texts.length);
    },
    reset() {
      session = newSession();
      fresh = true;
    },
  };
}

/**
 * Unpacks a `recognize` answer into mentions per text. Quadruples that do not make sense
 * (an unknown entity, offsets out of order) are dropped; a missing list counts as empty.
 */
export function decodeAnswer(answer: RecognizeAnswer, count: number): Mention[][] {
  const out: Mention[][] = [];
  for (let i = 0; i < count; i++) {
    const flat = answer.mentions[i] ?? [];
    const list: Mention[] = [];
    for (let j = 0; j + 3 < flat.length; j += 4) {
      const start = flat[j] as number;
      const end = flat[j + 1] as number;
      const e = answer.entities[flat[j + 2] as number];
      if (!e || !(start >= 0 && end > start)) continue;
      list.push({ start, end, entityId: e.id, category: e.category, via: flat[j + 3] === 1 ? 'coref' : 'direct' });
    }
    out.push(list);
  }
  return out;
}

/**
 * Asks whether the knowledge base changed since this page's last answer (a pack was imported
 * in another tab): `ask` gets an empty batch, which the background answers with just the
 * live version. True if it changed; the caller then rescans in a new session.
 */
export async function kbChangedSince(ask: AskRecognize): Promise<boolean> {
  const had = sessionVersion;
  if (had === null) return false;
  const { version } = await ask({ session: 'version', texts: [] });
  return version !== had && sessionVersion === had;
}
