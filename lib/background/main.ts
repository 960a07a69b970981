import * as v from 'valibot';
import { addNote, getCards, getSurfaceForms } from '@/lib/kb/db';
import { registerHandlers, sendToTab } from '@/lib/messages';
import { NoteSchema } from '@/lib/notes/types';
import { matcherFor } from './matcher';
import { ensureSeeded } from './seed';

const CardsRequest = v.object({ ids: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(2000)) });
const NoteRequest = v.omit(NoteSchema, ['id', 'createdAt', 'updatedAt']);
const MatcherRequest = v.object({ have: v.optional(v.pipe(v.string(), v.maxLength(200))) });

/** Wires the background: seeding, message handlers, keyboard commands. */
export function startBackground(): void {
  // After an install or update, compile the matcher before the first page asks for it.
  browser.runtime.onInstalled.addListener(() => void ensureSeeded().then(() => matcherFor(undefined)).catch(logError));
  browser.runtime.onStartup?.addListener(() => void ensureSeeded().catch(logError));

  registerHandlers({
    ping: async () => ({ ok: true, version: browser.runtime.getManifest().version }),
    getForms: async () => {
      await ensureSeeded();
      return getSurfaceForms();
    },
    getMatcher: async (payload) => {
      const { have } = v.parse(MatcherRequest, payload);
      await ensureSeeded();
      return matcherFor(have);
    },
    getCards: async (payload) => {
      const { ids } = v.parse(CardsRequest, payload);
      await ensureSeeded();
      return { cards: await getCards(ids) };
    },
    addNote: async (payload) => addNote(v.parse(NoteRequest, payload)),
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
