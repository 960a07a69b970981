/**
 * Gloss's settings: one versioned record in `storage.sync` (key `settings`, its schema
 * version in `settings$` as `{ v }`), with defaults and migrations. Reads merge stored values
 * over the defaults, so a new setting needs no migration. Plain `browser.storage` calls, not
 * a WXT storage item: the content script reads settings on every page load, and the item's
 * library and its start-up migration check cost evaluation time there. An older stored
 * version is migrated in memory on every read and written back in its new shape by the next
 * save.
 */
import type { Category } from '@/lib/categories';
import { CATEGORIES } from '@/lib/categories';

export interface Settings {
  /** Gloss on or off everywhere. */
  enabled: boolean;
  /** Hostnames where Gloss is off. */
  disabledSites: string[];
  /** Which categories are highlighted. */
  categories: Record<Category, boolean>;
  /** Dwell time before a card opens, in ms. */
  hoverDelayMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  categories: { person: true, place: true, organization: true, weapon: true, event: true },
  hoverDelayMs: 300,
};

export const SETTINGS_VERSION = 2;

/** v1 stored `{ on, off: string[], hidden: Category[] }`; kept to show how migrations work. */
interface SettingsV1 {
  on?: boolean;
  off?: string[];
  hidden?: string[];
  delay?: number;
}

/** Migrations by target version; each takes the previous shape. Exported for tests. */
export const settingsMigrations = {
  2: (stored: unknown): Partial<Settings> => {
    const old = (typeof stored === 'object' && stored !== null ? stored : {}) as SettingsV1 & Partial<Settings>;
    // Already v2-shaped (e.g. sync delivered the value before its version meta): keep it.
    if ('enabled' in old || 'disabledSites' in old || 'categories' in old) return old;
    const categories = { ...DEFAULT_SETTINGS.categories };
    for (const c of Array.isArray(old.hidden) ? old.hidden : []) {
      if ((CATEGORIES as readonly string[]).includes(c)) categories[c as Category] = false;
    }
    return {
      enabled: typeof old.on === 'boolean' ? old.on : true,
      disabledSites: Array.isArray(old.off) ? old.off.filter((s) => typeof s === 'string') : [],
      categories,
      hoverDelayMs: typeof old.delay === 'number' ? old.delay : DEFAULT_SETTINGS.hoverDelayMs,
    };
  },
};

const KEY = 'settings';
const VERSION_KEY = 'settings$';

/** The stored value in the current version's shape (migrated in memory when older). */
function migrate(value: unknown, version: number): Partial<Settings> {
  let out = value;
  for (let v = version + 1; v <= SETTINGS_VERSION; v++) {
    const step = settingsMigrations[v as keyof typeof settingsMigrations];
    if (step) out = step(out);
  }
  return (typeof out === 'object' && out !== null ? out : {}) as Partial<Settings>;
}

/** A value with no version record was written by version 1. */
function storedVersion(meta: unknown): number {
  const v = (meta as { v?: unknown } | undefined)?.v;
  return typeof v === 'number' ? v : 1;
}

async function readStored(): Promise<Partial<Settings>> {
  const got = await browser.storage.sync.get([KEY, VERSION_KEY]);
  if (got[KEY] === undefined || got[KEY] === null) return {};
  return migrate(got[KEY], storedVersion(got[VERSION_KEY]));
}

/** Merges stored (possibly partial or stale) values over the defaults, dropping junk. */
export function mergeSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Settings>;
  const categories = { ...DEFAULT_SETTINGS.categories };
  if (s.categories && typeof s.categories === 'object') {
    for (const c of CATEGORIES) if (typeof s.categories[c] === 'boolean') categories[c] = s.categories[c];
  }
  const delay = s.hoverDelayMs;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: normalizeSites(s.disabledSites),
    categories,
    hoverDelayMs: typeof delay === 'number' && delay >= 0 && delay <= 3000 ? delay : DEFAULT_SETTINGS.hoverDelayMs,
  };
}

/** Lower-cased, trimmed, de-duplicated hostnames; anything that is not a string is dropped. */
function normalizeSites(sites: unknown): string[] {
  if (!Array.isArray(sites)) return [];
  const out = new Set<string>();
  for (const x of sites) if (typeof x === 'string' && x.trim()) out.add(x.trim().toLowerCase());
  return [...out];
}

/** Reads the settings, merged over the defaults. */
export async function loadSettings(): Promise<Settings> {
  return mergeSettings(await readStored());
}

let saving: Promise<unknown> = Promise.resolve();

/**
 * Saves a partial change and returns the full new settings. Saves from one page run one after
 * another, so two quick toggles cannot overwrite each other (read-modify-write).
 */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = saving.then(async () => {
    const next = mergeSettings({ ...(await loadSettings()), ...patch });
    await browser.storage.sync.set({ [KEY]: next, [VERSION_KEY]: { v: SETTINGS_VERSION } });
    return next;
  });
  saving = run.catch(() => undefined);
  return run;
}

/** Calls `cb` with the merged settings whenever they change; returns the unwatch function. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  let live = true;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' || !(KEY in changes)) return;
    // Value and version are written together: read both rather than guess the version.
    void readStored().then((v) => {
      if (live) cb(mergeSettings(v));
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}

/** Whether Gloss should run on this hostname under these settings. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname.toLowerCase());
}
