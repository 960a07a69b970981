/**
 * Content-script entry: decides whether Gloss runs on this page, builds the page controller
 * and wires settings, the popup's requests and forwarded keyboard commands to it. Everything
 * is undone when the extension context goes away (update, reload, uninstall).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { registerTabHandlers, send } from '@/lib/messages';
import { isSiteEnabled, loadSettings, watchSettings, type Settings } from '@/lib/settings';
import { PageController } from './controller';
import type { NavDirection } from './keyboard';
import { loadRecognizer, refreshRecognizer } from './recognizer';

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
  if (win === win.top) return true;
  if (win.innerWidth * win.innerHeight < MIN_FRAME_AREA) return false;
  return (doc.body?.textContent?.length ?? 0) >= MIN_FRAME_TEXT;
}

/** Starts Gloss on the page; never throws into the page. */
export function startContent(ctx: ContentScriptContext): void {
  run(ctx).catch((err: unknown) => console.debug('[gloss] not started', err));
}

/** The page's host for per-site settings (a srcdoc frame's URL has none: use its origin). */
export function pageHost(win: Window): string {
  try {
    return new URL(win.origin).hostname;
  } catch {
    return win.location.hostname;
  }
}

async function run(ctx: ContentScriptContext): Promise<void> {
  if (!shouldRun(window, document)) return;
  const host = pageHost(window);
  let settings: Settings = await loadSettings();
  if (ctx.isInvalid) return;
  const controller = new PageController(
    document,
    () => loadRecognizer(() => send('getMatcher', {})),
    {
      getCards: async (ids) => (await send('getCards', { ids })).cards,
      addNote: (note) => send('addNote', note),
      kbChanged: () => refreshRecognizer(async (have) => (await send('getMatcher', { have })).version),
    },
    settings,
  );
  ctx.onInvalidated(() => controller.destroy());

  const apply = (s: Settings) => {
    settings = s;
    controller.applySettings(s);
    const on = isSiteEnabled(s, host);
    if (on && !controller.running) void controller.start().catch((err: unknown) => console.debug('[gloss]', err));
    else if (!on && controller.running) controller.stop();
  };
  ctx.onInvalidated(watchSettings((s) => apply(s)));

  ctx.onInvalidated(
    registerTabHandlers({
      pageSummary: async () => ({
        entities: controller.running ? await controller.summary() : [],
        enabled: isSiteEnabled(settings, host),
        host,
      }),
      reveal: async ({ entityId }) => ({ ok: controller.running && (await controller.reveal(String(entityId))) }),
      // Alt+Shift+N/P as browser commands, forwarded by the background.
      navigate: async ({ direction }) => {
        const d: NavDirection | null = direction === 'next' || direction === 'previous' ? direction : null;
        return { ok: d !== null && controller.running && (await controller.navigate(d, 'command')) };
      },
    }),
  );
  apply(settings);
}
