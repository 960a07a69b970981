/**
 * Injects the card renderer into the frame that asks for it (lib/content/card-view.ts). The
 * file is injected by the extension rather than fetched by the page's content script, so it
 * need not be web-accessible (pages could probe for a web-accessible file to detect Gloss).
 */
import type { PublicPath } from 'wxt/browser';

/** The bundled renderer, as WXT writes the unlisted script `entrypoints/card-view.ts`. */
export const CARD_VIEW_FILE = '/card-view.js' satisfies PublicPath;

interface Sender {
  tab?: { id?: number };
  frameId?: number;
}

type Inject = (target: { tabId: number; frameId: number }, file: typeof CARD_VIEW_FILE) => Promise<unknown>;

/** The browser's own injection (`scripting`, Chrome MV3 and Firefox). */
export const injectWithScripting: Inject = ({ tabId, frameId }, file) =>
  browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });

/** Injects the renderer into the sender's frame; `ok: false` if there is none or it fails. */
export async function loadCardView(sender: Sender, inject: Inject = injectWithScripting): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  if (tabId === undefined || tabId < 0) return { ok: false };
  try {
    await inject({ tabId, frameId }, CARD_VIEW_FILE);
    return { ok: true };
  } catch (err) {
    console.debug('Gloss: card renderer not injected', err);
    return { ok: false };
  }
}
