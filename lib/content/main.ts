/**
 * Content-script entry: decides whether Gloss runs on this page, builds the page controller
 * and wires settings, the popup's requests and forwarded keyboard commands to it. Everything
 * is undone when the extension context goes away (update, reload, uninstall).
 */
import { registerTabHandlers, send, type HandlerMap, type Protocol, type TabProtocol } from '@/lib/messages';
import { isSiteEnabled, loadSettings, watchSettings, type Settings } from '@/lib/settings';
import { PageController } from './controller';
import type { NavDirection } from './keyboard';
import { createLifetime, isContextGone, type Lifetime } from './lifetime';
import { kbChangedSince, remoteRecognizer, type AskRecognize } from './recognizer';
import { yieldToMain } from './slicer';

/** Frames smaller than this (ads, widgets) are not worth a matcher. */
const MIN_FRAME_AREA = 320 * 200;
const MIN_FRAME_TEXT = 400;

/** Whether this document is an HTML page (in a frame: a sizeable one with prose). */
export function shouldRun(win: Window, doc: Document): boolean {
  // The origin, not the URL: a srcdoc or about:blank frame has an about: URL but its
  // page's http(s) origin (a sandboxed one has the opaque origin "null").
  if (!/^https?:\/\//.test(win.origin)) return false;
  if (!/html/.test(doc.contentType)) return false;
  if (doc.designMode === 'on') return false;
  if (isTopFrame(win)) return true;
  if (win.innerWidth * win.innerHeight < MIN_FRAME_AREA) return false;
  return (doc.body?.textContent?.length ?? 0) >= MIN_FRAME_TEXT;
}

/** Whether this is the tab's top frame, the only one that answers the popup. */
export function isTopFrame(win: Window): boolean {
  try {
    return win === win.top;
  } catch {
    return false;
  }
}

/** Starts Gloss on the page; never throws into the page. */
export function startContent(life: Lifetime = createLifetime()): void {
  run(life).catch((err: unknown) => console.debug('[gloss] not started', err));
}

/** The page's host for per-site settings (a srcdoc frame's URL has none: use its origin). */
export function pageHost(win: Window): string {
  try {
    return new URL(win.origin).hostname;
  } catch {
    return win.location.hostname;
  }
}

async function run(life: Lifetime): Promise<void> {
  if (!shouldRun(window, document)) return;
  const host = pageHost(window);
  let settings: Settings = await loadSettings();
  // The settings arrive in a microtask checkpoint that may follow the page's own work (or
  // the script's evaluation): set up in a task of its own.
  await yieldToMain();
  if (life.isInvalid) return;
  // A message that finds the extension gone (updated, reloaded, removed) ends this copy: its
  // highlights and listeners go with it. Coming back to the tab checks the same.
  const ask: AskRecognize = (req) => sendOrEnd(life, 'recognize', req);
  const onVisible = () => void life.isInvalid;
  document.addEventListener('visibilitychange', onVisible);
  life.onInvalidated(() => document.removeEventListener('visibilitychange', onVisible));
  const controller = new PageController(
    document,
    // Recognition runs in the background; the page only walks, sends text and paints.
    async () => remoteRecognizer(ask),
    {
      getCards: async (ids) => (await sendOrEnd(life, 'getCards', { ids })).cards,
      addNote: (note) => sendOrEnd(life, 'addNote', note),
      kbChanged: () => kbChangedSince(ask),
    },
    settings,
  );
  life.onInvalidated(() => controller.destroy());

  const apply = (s: Settings) => {
    settings = s;
    controller.applySettings(s);
    const on = isSiteEnabled(s, host);
    if (on && !controller.running) void controller.start().catch((err: unknown) => console.debug('[gloss]', err));
    else if (!on && controller.running) controller.stop();
  };
  life.onInvalidated(watchSettings((s) => apply(s)));

  // The popup and the forwarded commands address the tab's top frame (frame 0); a frame that
  // answered too could win the race with its own, smaller summary.
  if (isTopFrame(window)) life.onInvalidated(registerTabHandlers(tabHandlers(controller, () => settings, host)));
  apply(settings);
}

/** `send`, ending this copy of the content script when the extension context is gone. */
async function sendOrEnd<T extends keyof Protocol>(life: Lifetime, type: T, payload: Protocol[T][0]): Promise<Protocol[T][1]> {
  try {
    return await send(type, payload);
  } catch (err) {
    if (isContextGone(err) || life.isInvalid) life.invalidate();
    throw err;
  }
}

/** The popup's requests and the forwarded keyboard commands, answered by the top frame. */
function tabHandlers(controller: PageController, settings: () => Settings, host: string): HandlerMap<TabProtocol> {
  return {
    pageSummary: async () => ({
      entities: controller.running ? await controller.summary() : [],
      enabled: isSiteEnabled(settings(), host),
      host,
    }),
    reveal: async ({ entityId }) => ({ ok: controller.running && (await controller.reveal(String(entityId))) }),
    // Alt+Shift+N/P as browser commands, forwarded by the background.
    navigate: async ({ direction }) => {
      const d: NavDirection | null = direction === 'next' || direction === 'previous' ? direction : null;
      return { ok: d !== null && controller.running && (await controller.navigate(d, 'command')) };
    },
  };
}
