import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBrowserPopupApi, tabIdFromQuery } from './popup-api';

describe('tabIdFromQuery', () => {
  it('reads a non-negative integer tab id', () => {
    expect(tabIdFromQuery('?tab=42')).toBe(42);
    expect(tabIdFromQuery('?x=1&tab=0')).toBe(0);
  });

  it.each(['', '?', '?tab=', '?tab=-3', '?tab=1.5', '?tab=abc', '?tab=12abc', '?tab=99999999999'])('ignores %j', (q) => {
    expect(tabIdFromQuery(q)).toBeUndefined();
  });
});

describe('createBrowserPopupApi().getActiveTab', () => {
  beforeEach(() => fakeBrowser.reset());

  /** A news tab in the background and an active tab showing the popup page itself. */
  async function twoTabs() {
    const news = await fakeBrowser.tabs.create({ url: 'https://news.example/story' });
    const popupTab = await fakeBrowser.tabs.create({ url: 'chrome-extension://abc/popup.html' });
    // The fake cannot make a created tab active, so the active-tab query answers with it.
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...popupTab, active: true }]);
    return { news, active: popupTab };
  }

  it('uses the active tab without a query', async () => {
    const { active } = await twoTabs();
    expect(await createBrowserPopupApi('').getActiveTab()).toEqual({ id: active.id, url: 'chrome-extension://abc/popup.html' });
  });

  it('uses the tab named by ?tab= instead of the active one', async () => {
    const { news } = await twoTabs();
    expect(await createBrowserPopupApi(`?tab=${news.id}`).getActiveTab()).toEqual({ id: news.id, url: 'https://news.example/story' });
  });

  it('reports no tab when ?tab= names a tab that does not exist', async () => {
    await twoTabs();
    expect(await createBrowserPopupApi('?tab=999').getActiveTab()).toBeUndefined();
  });
});

describe('createBrowserPopupApi() and frames', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks only the top frame (frame 0) for the summary and the reveal', async () => {
    const calls: unknown[][] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (...args: unknown[]) => {
      calls.push(args);
      const type = (args[1] as { type: string }).type;
      return { ok: true, value: type === 'reveal' ? { ok: true } : { entities: [], enabled: true, host: 'news.example' } };
    }) as never);
    const api = createBrowserPopupApi('');
    await expect(api.pageSummary(7)).resolves.toEqual({ entities: [], enabled: true, host: 'news.example' });
    await api.reveal(7, 'person/x');
    expect(calls.map((c) => [c[0], (c[1] as { type: string }).type, c[2]])).toEqual([
      [7, 'pageSummary', { frameId: 0 }],
      [7, 'reveal', { frameId: 0 }],
    ]);
  });
});
