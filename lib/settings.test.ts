import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  isSiteEnabled,
  loadSettings,
  mergeSettings,
  saveSettings,
  settingsMigrations,
  watchSettings,
} from './settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('mergeSettings', () => {
  it('returns the defaults for junk', () => {
    for (const junk of [undefined, null, 42, 'on', [], { enabled: 'yes' }]) expect(mergeSettings(junk)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and drops invalid ones field by field', () => {
    const merged = mergeSettings({
      enabled: false,
      disabledSites: ['BBC.co.uk', 7, null, ' bbc.co.uk ', '', 'reuters.com'],
      categories: { person: false, place: 'no', weapon: false, dragon: false },
      hoverDelayMs: 99999,
      extra: true,
    });
    expect(merged).toEqual({
      enabled: false,
      disabledSites: ['bbc.co.uk', 'reuters.com'],
      categories: { person: false, place: true, organization: true, weapon: false, event: true },
      hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs,
    });
  });

  it('accepts delays in range and rejects NaN or negatives', () => {
    expect(mergeSettings({ hoverDelayMs: 800 }).hoverDelayMs).toBe(800);
    expect(mergeSettings({ hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(300);
    expect(mergeSettings({ hoverDelayMs: -1 }).hoverDelayMs).toBe(300);
  });

  it('does not share the default objects', () => {
    const a = mergeSettings({});
    a.categories.person = false;
    a.disabledSites.push('x.example');
    expect(DEFAULT_SETTINGS.categories.person).toBe(true);
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([]);
  });
});

describe('migration 2', () => {
  it('maps a v1 object to the v2 shape', () => {
    const v2 = settingsMigrations[2]({ on: false, off: ['bbc.com', 3], hidden: ['weapon', 'dragon'], delay: 500 });
    expect(v2).toEqual({
      enabled: false,
      disabledSites: ['bbc.com'],
      categories: { person: true, place: true, organization: true, weapon: false, event: true },
      hoverDelayMs: 500,
    });
  });

  it('fills defaults for an empty or broken v1 object', () => {
    expect(mergeSettings(settingsMigrations[2]({}))).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings(settingsMigrations[2]('junk'))).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings(settingsMigrations[2]({ on: 'no', hidden: 'weapon', off: 'x' }))).toEqual(DEFAULT_SETTINGS);
  });

  it('passes through a value that is already v2-shaped', () => {
    const v2 = { enabled: false, disabledSites: ['a.example'] };
    expect(settingsMigrations[2](v2)).toEqual(v2);
  });

  it('reads a stored v1 value as v2, and the next save stores it as version 2', async () => {
    await fakeBrowser.storage.sync.set({ settings: { on: true, off: ['cnn.com'], hidden: ['event'] } });
    const s = await loadSettings();
    expect(s.disabledSites).toEqual(['cnn.com']);
    expect(s.categories.event).toBe(false);
    await saveSettings({ hoverDelayMs: 450 });
    const raw = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(raw['settings$']).toEqual({ v: 2 });
    expect(raw['settings']).toEqual({ ...s, hoverDelayMs: 450 });
    expect(await loadSettings()).toEqual({ ...s, hoverDelayMs: 450 });
  });

  it('does not migrate a value whose version record says it is current', async () => {
    // A v2 value that lacks the v2 marker fields must not be read as v1 (its delay kept).
    await fakeBrowser.storage.sync.set({ settings: { hoverDelayMs: 700 }, settings$: { v: 2 } });
    expect((await loadSettings()).hoverDelayMs).toBe(700);
  });
});

describe('load, save and watch', () => {
  it('loads defaults when nothing is stored and saves partial changes', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const next = await saveSettings({ hoverDelayMs: 500 });
    expect(next.hoverDelayMs).toBe(500);
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 500 });
  });

  it('serializes quick successive saves so none is lost', async () => {
    await Promise.all([
      saveSettings({ categories: { ...DEFAULT_SETTINGS.categories, person: false } }),
      saveSettings({ enabled: false }),
      saveSettings({ disabledSites: ['x.example'] }),
    ]);
    const s = await loadSettings();
    expect(s.enabled).toBe(false);
    expect(s.disabledSites).toEqual(['x.example']);
    expect(s.categories.person).toBe(false);
  });

  it('notifies watchers with merged settings', async () => {
    const seen: boolean[] = [];
    const unwatch = watchSettings((s) => seen.push(s.enabled));
    await saveSettings({ enabled: false });
    await vi.waitFor(() => expect(seen).toEqual([false]));
    unwatch();
    await saveSettings({ enabled: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([false]);
  });
});

describe('isSiteEnabled', () => {
  it('is off globally or for a listed host, case-insensitively', () => {
    const s = mergeSettings({ disabledSites: ['bbc.co.uk'] });
    expect(isSiteEnabled(s, 'BBC.co.uk')).toBe(false);
    expect(isSiteEnabled(s, 'reuters.com')).toBe(true);
    expect(isSiteEnabled({ ...s, enabled: false }, 'reuters.com')).toBe(false);
  });
});
