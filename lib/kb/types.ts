/**
 * Types of the knowledge-base store's task-level API (lib/kb/db.ts). Kept apart from db.ts
 * so that pages and components can import them without pulling in `idb`.
 */
import type { Pack, PackMeta } from './schema';
import type { PackText } from './bundle-text';

/** A pack as the store knows it: its header plus bookkeeping. */
export interface PackInfo extends Omit<PackMeta, 'format'> {
  /** Bundled packs ship with the extension and cannot be removed. */
  bundled: boolean;
  entities: number;
  aliases: number;
  /** ISO timestamp of the import (or of the seed, for bundled packs). */
  importedAt: string;
  /**
   * Import order among user packs (higher = more recent; 0 for bundled packs). A user pack
   * with a higher `seq` overrides entities with the same id from older ones.
   */
  seq: number;
}

/**
 * What the build ships in public/kb: the bundled packs and their combined version. The
 * packs may be given lazily (`loadPacks`), so nothing is fetched when the version is live,
 * and as parsed packs or as read by `readPackText` (entities left as text).
 */
export type KbBundle =
  | { version: string; packs: Array<Pack | PackText> }
  | { version: string; loadPacks: () => Promise<Array<Pack | PackText>> };

export interface KbInfo {
  /** Changes whenever the bundled KB or the set of user packs changes. */
  version: string;
  /** Effective entities (user-pack overrides counted once). */
  entities: number;
  /** Surface forms the matcher is built from. */
  forms: number;
  packs: PackInfo[];
}

export type ProgressFn = (done: number, total: number) => void;
