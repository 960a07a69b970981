// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '@/lib/settings';
import type { PageSummary, PopupApi } from '@/lib/popup/popup-api';
import { PopupApp } from './PopupApp';

interface Fake extends PopupApi {
  stored: Settings;
  saves: Partial<Settings>[];
  revealed: string[];
  closed: number;
  optionsOpened: number;
}

function fakeApi(opts: { url?: string | null; summary?: PageSummary | Error; settings?: Partial<Settings> } = {}): Fake {
  const api: Fake = {
    stored: mergeSettings({ ...DEFAULT_SETTINGS, ...opts.settings }),
    saves: [],
    revealed: [],
    closed: 0,
    optionsOpened: 0,
    loadSettings: async () => api.stored,
    async saveSettings(patch) {
      api.saves.push(patch);
      api.stored = mergeSettings({ ...api.stored, ...patch });
      return api.stored;
    },
    watchSettings: () => () => undefined,
    getActiveTab: async () => ({ id: 7, url: opts.url === null ? undefined : (opts.url ?? 'https://www.bbc.co.uk/news/world') }),
    async pageSummary(tabId) {
      expect(tabId).toBe(7);
      const s = opts.summary ?? { enabled: true, entities: [], host: 'www.bbc.co.uk' };
      if (s instanceof Error) throw s;
      return s;
    },
    async reveal(_tab, id) {
      api.revealed.push(id);
    },
    async openOptions() {
      api.optionsOpened++;
    },
    close: () => {
      api.closed++;
    },
  };
  return api;
}

afterEach(cleanup);

describe('PopupApp', () => {
  it('toggles this site in disabledSites', async () => {
    const api = fakeApi();
    render(<PopupApp api={api} />);
    const site = await screen.findByRole('checkbox', { name: 'Gloss on this site' });
    expect(site).toHaveProperty('checked', true);
    expect(screen.getByText('www.bbc.co.uk')).toBeTruthy();
    fireEvent.click(site);
    await waitFor(() => expect(api.stored.disabledSites).toEqual(['www.bbc.co.uk']));
    expect(site).toHaveProperty('checked', false);
    fireEvent.click(site);
    await waitFor(() => expect(api.stored.disabledSites).toEqual([]));
  });

  it('shows the site as off when it is listed', async () => {
    render(<PopupApp api={fakeApi({ settings: { disabledSites: ['www.bbc.co.uk'] } })} />);
    expect(await screen.findByRole('checkbox', { name: 'Gloss on this site' })).toHaveProperty('checked', false);
  });

  it('saves category switches, the global switch and the delay', async () => {
    const api = fakeApi();
    render(<PopupApp api={api} />);
    for (const name of ['People', 'Places', 'Organizations', 'Weapons', 'Events']) {
      expect(await screen.findByRole('checkbox', { name })).toHaveProperty('checked', true);
    }
    fireEvent.click(screen.getByRole('checkbox', { name: 'Weapons' }));
    await waitFor(() => expect(api.stored.categories.weapon).toBe(false));
    expect(api.stored.categories.person).toBe(true);

    fireEvent.change(screen.getByRole('combobox', { name: 'Card delay' }), { target: { value: '800' } });
    await waitFor(() => expect(api.stored.hoverDelayMs).toBe(800));

    fireEvent.click(screen.getByRole('checkbox', { name: 'Enable Gloss' }));
    await waitFor(() => expect(api.stored.enabled).toBe(false));
    expect(screen.getByRole('checkbox', { name: 'People' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('checkbox', { name: 'Gloss on this site' })).toHaveProperty('disabled', true);
  });

  it('lists the entities on the page and reveals one', async () => {
    const api = fakeApi({
      summary: {
        enabled: true,
        host: 'www.bbc.co.uk',
        entities: [
          { id: 'Q1', name: 'Sergei Shoigu', category: 'person', count: 3 },
          { id: 'Q2', name: 'Kursk', category: 'place', count: 1 },
        ],
      },
    });
    render(<PopupApp api={api} />);
    const button = await screen.findByRole('button', { name: 'Sergei Shoigu, 3 mentions' });
    expect(screen.getByRole('region', { name: 'Places' }).textContent).toContain('Kursk');
    fireEvent.click(button);
    await waitFor(() => expect(api.closed).toBe(1));
    expect(api.revealed).toEqual(['Q1']);
  });

  it('explains pages Gloss cannot run on without asking the tab', async () => {
    const api = fakeApi({ url: 'chrome://settings/' });
    const spy = vi.spyOn(api, 'pageSummary');
    render(<PopupApp api={api} />);
    expect(await screen.findByText('Gloss can’t read this page')).toBeTruthy();
    expect(screen.getByText(/browser’s own pages/)).toBeTruthy();
    expect(spy).not.toHaveBeenCalled();
    expect(screen.queryByRole('checkbox', { name: 'Gloss on this site' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a page whose content script does not answer', async () => {
    render(<PopupApp api={fakeApi({ summary: new Error('Could not establish connection') })} />);
    expect(await screen.findByText('Gloss can’t read this page')).toBeTruthy();
    expect(screen.getByText(/Reload the page/)).toBeTruthy();
  });

  it('says when Gloss is off on the page and when nothing was found', async () => {
    render(<PopupApp api={fakeApi({ summary: { enabled: false, entities: [], host: 'www.bbc.co.uk' } })} />);
    expect(await screen.findByText('Gloss is off here')).toBeTruthy();
    cleanup();
    render(<PopupApp api={fakeApi()} />);
    expect(await screen.findByText(/No people, places/)).toBeTruthy();
  });

  it('uses the content script\'s host when the browser withholds the tab URL', async () => {
    const api = fakeApi({ url: null, summary: { enabled: true, entities: [], host: 'Edition.CNN.com' } });
    render(<PopupApp api={api} />);
    const site = await screen.findByRole('checkbox', { name: 'Gloss on this site' });
    fireEvent.click(site);
    await waitFor(() => expect(api.stored.disabledSites).toEqual(['edition.cnn.com']));
  });

  it('explains a withheld URL with no content script as unreadable', async () => {
    render(<PopupApp api={fakeApi({ url: null, summary: new Error('no receiver') })} />);
    expect(await screen.findByText('Gloss can’t read this page')).toBeTruthy();
    // Not "reload the page" alone: without the URL it may be a browser page no reload helps.
    expect(screen.getByText(/Browser pages, extension pages and add-on stores are off limits/)).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Gloss on this site' })).toBeNull();
  });

  it('opens the options page', async () => {
    const api = fakeApi();
    render(<PopupApp api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Notes & options' }));
    await waitFor(() => expect(api.optionsOpened).toBe(1));
  });
});
