/**
 * An in-memory `OptionsApi` for tests: notes, packs and settings kept in plain objects, with
 * the same semantics the IndexedDB store promises (newest first, import by id).
 */
import type { Pack } from '@/lib/kb/schema';
import type { KbInfo, PackInfo } from '@/lib/kb/types';
import type { Note } from '@/lib/notes/types';
import type { ExportFile } from '@/lib/notes/export';
import { mergeSettings, type Settings } from '@/lib/settings';
import { sortNewestFirst } from '@/lib/notes/filter';
import type { OptionsApi, Progress } from './store';

export interface FakeOptionsApi extends OptionsApi {
  notes: Map<string, Note>;
  packs: PackInfo[];
  settings: Settings;
  downloads: ExportFile[];
  calls: string[];
  /** When set, `parsePackFile` resolves with it (after reporting progress) instead of failing. */
  nextPack: Pack | Error | null;
  /** Resolves the pending `importPack`, for testing progress. */
  gate: Promise<void>;
}

function packInfo(p: Pack, bundled: boolean): PackInfo {
  const { entities, format: _format, ...meta } = p;
  return {
    ...meta,
    bundled,
    entities: entities.length,
    aliases: entities.reduce((n, e) => n + e.aliases.length, 0),
    importedAt: '2026-11-01T12:00:00.000Z',
    seq: bundled ? 0 : 1,
  };
}

/** A fake options API preloaded with `notes` and `packs`. */
export function createFakeOptionsApi(notes: Note[] = [], packs: PackInfo[] = []): FakeOptionsApi {
  const api: FakeOptionsApi = {
    notes: new Map(notes.map((n) => [n.id, n])),
    packs: [...packs],
    settings: mergeSettings({}),
    downloads: [],
    calls: [],
    nextPack: null,
    gate: Promise.resolve(),
    async listNotes() {
      return sortNewestFirst([...api.notes.values()]);
    },
    async updateNote(id, { text }) {
      api.calls.push(`update ${id}`);
      const n = api.notes.get(id);
      if (!n) throw new Error('no such note');
      const next = { ...n, text, updatedAt: '2026-11-22T12:00:00.000Z' };
      api.notes.set(id, next);
      return next;
    },
    async deleteNote(id) {
      api.calls.push(`delete ${id}`);
      const n = api.notes.get(id);
      api.notes.delete(id);
      return n;
    },
    async restoreNote(note) {
      api.calls.push(`restore ${note.id}`);
      api.notes.set(note.id, note);
    },
    async importNotes(list) {
      api.calls.push(`import ${list.length}`);
      const r = { added: 0, updated: 0, unchanged: 0 };
      for (const n of list) {
        const old = api.notes.get(n.id);
        if (!old) r.added++;
        else if (JSON.stringify(old) === JSON.stringify(n)) r.unchanged++;
        else r.updated++;
        api.notes.set(n.id, n);
      }
      return r;
    },
    async getKbInfo(): Promise<KbInfo> {
      const entities = api.packs.reduce((n, p) => n + p.entities, 0);
      return { version: `v${api.packs.length}`, entities, forms: entities * 3, packs: api.packs };
    },
    async parsePackFile(file: Blob, onProgress?: Progress) {
      onProgress?.(file.size / 2, file.size);
      const p = api.nextPack;
      if (!p) throw new Error('no pack prepared');
      if (p instanceof Error) throw p;
      onProgress?.(file.size, file.size);
      return p;
    },
    async importPack(pack, opts) {
      opts?.onProgress?.(1, Math.max(2, pack.entities.length));
      await api.gate;
      const info = packInfo(pack, false);
      api.packs = [...api.packs.filter((p) => p.id !== pack.id), info];
      return info;
    },
    async removePack(id) {
      api.calls.push(`removePack ${id}`);
      api.packs = api.packs.filter((p) => p.id !== id);
    },
    async loadSettings() {
      return api.settings;
    },
    async saveSettings(patch) {
      api.settings = mergeSettings({ ...api.settings, ...patch });
      return api.settings;
    },
    watchSettings: () => () => undefined,
    download(file) {
      api.downloads.push(file);
    },
  };
  return api;
}

export { packInfo as fakePackInfo };
