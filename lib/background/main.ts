import { registerHandlers } from '@/lib/messages';

/** Wires the background's message handlers. Called once from entrypoints/background.ts. */
export function startBackground(): void {
  registerHandlers({
    ping: async () => ({ ok: true, version: browser.runtime.getManifest().version }),
    getForms: async () => ({ version: '0', forms: [] }),
    getCards: async () => ({ cards: [] }),
    addNote: async () => {
      throw new Error('not ready');
    },
  });
}
