/**
 * Everything the popup needs from the browser, behind one interface so the popup can be
 * rendered in tests with a fake.
 */
import type { TabProtocol } from '@/lib/messages';
import { sendToTab } from '@/lib/messages';
import type { Settings } from '@/lib/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings';

export interface ActiveTab {
  id: number;
  url?: string;
}

/** The content script's answer: entities found, whether Gloss is on there, and its hostname. */
export type PageSummary = TabProtocol['pageSummary'][1];

export interface PopupApi {
  loadSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  watchSettings(cb: (s: Settings) => void): () => void;
  getActiveTab(): Promise<ActiveTab | undefined>;
  /** Rejects when the tab's content script does not answer. */
  pageSummary(tabId: number): Promise<PageSummary>;
  reveal(tabId: number, entityId: string): Promise<void>;
  openOptions(): Promise<void>;
  close(): void;
}

/** How long to wait for a content script before saying it is not there. */
const SUMMARY_TIMEOUT_MS = 1500;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('The page did not answer.')), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

/**
 * The tab id in a `?tab=<id>` query, or undefined. Opening popup.html in a tab of its own
 * (end-to-end tests, a pinned "popup" tab) would otherwise make the popup look at itself.
 */
export function tabIdFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : undefined;
}

/**
 * The real popup API, backed by `browser.*` and the settings item. `search` is the popup's
 * query string: with `?tab=<id>` it looks at that tab instead of the active one.
 */
export function createBrowserPopupApi(search: string = globalThis.location?.search ?? ''): PopupApi {
  const pinnedTab = tabIdFromQuery(search);
  return {
    loadSettings,
    saveSettings,
    watchSettings,
    async getActiveTab() {
      if (pinnedTab !== undefined) {
        const tab = await browser.tabs.get(pinnedTab).catch(() => undefined);
        return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
      }
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
    },
    pageSummary: (tabId) => withTimeout(sendToTab(tabId, 'pageSummary', {}), SUMMARY_TIMEOUT_MS),
    async reveal(tabId, entityId) {
      await sendToTab(tabId, 'reveal', { entityId });
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    close: () => window.close(),
  };
}
