/**
 * The popup's state: settings (saved as they change and kept in sync with other pages), the
 * active tab and what Gloss found on it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import type { PageEntity } from '@/lib/messages';
import type { PageSummary, PopupApi } from './popup-api';
import { NO_ANSWER_REASON, NO_URL_NO_ANSWER_REASON, pageSupport } from './page-support';

export type PageState =
  | { kind: 'loading' }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'off' }
  | { kind: 'ready'; entities: PageEntity[] };

export interface PopupState {
  settings: Settings | null;
  /** Hostname of the active tab when Gloss can run there. */
  hostname: string | null;
  page: PageState;
  error: string | null;
  update(patch: Partial<Settings>): void;
  setSiteEnabled(on: boolean): void;
  reveal(entityId: string): void;
  openOptions(): void;
}

const NO_TAB_REASON = 'There is no open tab to look at.';

/** After a toggle the content script needs a moment to rescan before its summary is current. */
const RESCAN_DELAY_MS = 400;

/** Drives the popup from a `PopupApi`. */
export function usePopup(api: PopupApi): PopupState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tab, setTab] = useState<{ id: number; hostname: string | null } | null>(null);
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const refreshPage = useCallback(
    async (tabId: number, noAnswerReason: string = NO_ANSWER_REASON): Promise<PageSummary | null> => {
      try {
        const summary = await api.pageSummary(tabId);
        setPage(summary.enabled ? { kind: 'ready', entities: summary.entities } : { kind: 'off' });
        return summary;
      } catch {
        setPage({ kind: 'unsupported', reason: noAnswerReason });
        return null;
      }
    },
    [api],
  );

  useEffect(() => {
    let live = true;
    api.loadSettings().then((s) => live && setSettings(s), () => live && setError('Could not load the settings.'));
    const unwatch = api.watchSettings((s) => setSettings(s));
    void (async () => {
      const active = await api.getActiveTab().catch(() => undefined);
      if (!live) return;
      if (!active) {
        setPage({ kind: 'unsupported', reason: NO_TAB_REASON });
        return;
      }
      if (active.url === undefined) {
        // The browser withheld the URL: the content script, if it runs there, knows its host.
        // Without the URL, silence may also mean a browser page: the reason must cover both.
        const summary = await refreshPage(active.id, NO_URL_NO_ANSWER_REASON);
        if (live) setTab({ id: active.id, hostname: summary?.host ? summary.host.toLowerCase() : null });
        return;
      }
      const support = pageSupport(active.url);
      if (!support.supported) {
        setTab({ id: active.id, hostname: null });
        setPage({ kind: 'unsupported', reason: support.reason });
        return;
      }
      setTab({ id: active.id, hostname: support.hostname });
      await refreshPage(active.id);
    })();
    return () => {
      live = false;
      unwatch();
      clearTimeout(timer.current);
    };
  }, [api, refreshPage]);

  const update = useCallback(
    (patch: Partial<Settings>) => {
      setSettings((s) => (s ? { ...s, ...patch } : s));
      api.saveSettings(patch).then(
        (s) => {
          setSettings(s);
          setError(null);
        },
        () => setError('Could not save the settings.'),
      );
      if (tab?.hostname) {
        const id = tab.id;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void refreshPage(id), RESCAN_DELAY_MS);
      }
    },
    [api, tab, refreshPage],
  );

  const setSiteEnabled = useCallback(
    (on: boolean) => {
      if (!settings || !tab?.hostname) return;
      const host = tab.hostname;
      const others = settings.disabledSites.filter((h) => h !== host);
      update({ disabledSites: on ? others : [...others, host] });
    },
    [settings, tab, update],
  );

  const reveal = useCallback(
    (entityId: string) => {
      if (!tab) return;
      api.reveal(tab.id, entityId).then(
        () => api.close(),
        () => api.close(),
      );
    },
    [api, tab],
  );

  const openOptions = useCallback(() => {
    api.openOptions().then(
      () => api.close(),
      () => undefined,
    );
  }, [api]);

  return { settings, hostname: tab?.hostname ?? null, page, error, update, setSiteEnabled, reveal, openOptions };
}
