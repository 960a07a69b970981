import { seedBundled } from '@/lib/kb/db';
import type { Pack } from '@/lib/kb/schema';

interface BundleIndex {
  format: 1;
  version: string;
  packs: { id: string; file: string }[];
}

let seeding: Promise<void> | undefined;

/**
 * Makes sure the bundled knowledge base (public/kb/) is in IndexedDB at its current version.
 * Runs once per service-worker life; a failure is retried on the next call. The bundled
 * files are loaded only when their version differs from the seeded one.
 */
export function ensureSeeded(): Promise<void> {
  seeding ??= seedFromBundle().catch((err: unknown) => {
    seeding = undefined;
    throw err;
  });
  return seeding;
}

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(browser.runtime.getURL(path as '/kb/index.json'));
  if (!res.ok) throw new Error(`Gloss: cannot read ${path} (${res.status})`);
  return (await res.json()) as T;
}

async function seedFromBundle(): Promise<void> {
  const index = await fetchJson<BundleIndex>('/kb/index.json');
  performance.mark('gloss:seed-start');
  const result = await seedBundled({
    version: index.version,
    loadPacks: () => Promise.all(index.packs.map((p) => fetchJson<Pack>(`/kb/${p.file}`))),
  });
  if (result.seeded) {
    // Read by `npm run bench` (from the service worker) to report first-run seeding time.
    const m = performance.measure('gloss:seed', 'gloss:seed-start');
    console.info(`Gloss: seeded ${result.entities} entities in ${Math.round(m.duration)} ms`);
  }
}
