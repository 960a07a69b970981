import * as v from 'valibot';
import { addNote, getCards } from '@/lib/kb/db';
import { registerHandlers, sendToTab } from '@/lib/messages';
import { NoteSchema } from '@/lib/notes/types';
import { loadCardView } from './card-view';
import { liveMatcher } from './matcher';
import { parseRecognizeRequest, RecognitionSessions } from './recognize';
import { ensureSeeded } from './seed';

const CardsRequest = v.object({ ids: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(2000)) });
const NoteRequest = v.omit(NoteSchema, ['id', 'createdAt', 'updatedAt']);

/** Wires the background: seeding, message handlers, keyboard commands. */
export function startBackground(): void {
  // After an install or update, compile the matcher before the first page asks for it.
  browser.runtime.onInstalled.addListener(() => void ensureSeeded().then(() => liveMatcher()).catch(logError));
  const sessions = new RecognitionSessions(async () => {
    await ensureSeeded();
    return liveMatcher();
  });
  // Needs no permission; without it, a closed tab's sessions wait for eviction.
  browser.tabs?.onRemoved?.addListener((tabId) => sessions.dropTab(tabId));
  browser.runtime.onStartup?.addListener(() => void ensureSeeded().catch(logError));

  registerHandlers({
    ping: async () => ({ ok: true, version: browser.runtime.getManifest().version }),
    recognize: async (payload, sender) => {
      const { session, reset, texts } = parseRecognizeRequest(payload);
      const from = { tabId: sender.tab?.id ?? -1, frameId: sender.frameId ?? -1 };
      return sessions.recognize(from, session, reset, texts);
    },
    getCards: async (payload) => {
      const { ids } = v.parse(CardsRequest, payload);
      await ensureSeeded();
      return { cards: await getCards(ids) };
    },
    addNote: async (payload) => addNote(v.parse(NoteRequest, payload)),
    loadCardView: async (_payload, sender) => loadCardView(sender),
  });

  browser.commands?.onCommand.addListener((command) => {
    const direction = command === 'next-mention' ? 'next' : command === 'previous-mention' ? 'previous' : null;
    if (!direction) return;
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => (tab?.id !== undefined ? sendToTab(tab.id, 'navigate', { direction }) : undefined))
      .catch(() => undefined); // pages Gloss cannot run on have no listener
  });
}

function logError(err: unknown): void {
  console.error('Gloss:', err);
}
