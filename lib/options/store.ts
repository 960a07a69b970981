/**
 * What the options page needs from storage, behind one interface so the page can be rendered
 * in tests with an in-memory fake. `createOptionsApi` wires the real IndexedDB functions.
 */
import type { Pack } from '@/lib/kb/schema';
import type { KbInfo, PackInfo } from '@/lib/kb/types';
import type { Note } from '@/lib/notes/types';
import type { ExportFile } from '@/lib/notes/export';
import type { Settings } from '@/lib/settings';
import * as db from '@/lib/kb/db';
import { parsePackFile } from '@/lib/kb/packs';
import { loadSettings, saveSettings, watchSettings } from '@/lib/settings';
import { downloadFile } from './download';

export type Progress = (done: number, total: number) => void;

export interface NotesStore {
  /** Newest first. */
  listNotes(): Promise<Note[]>;
  updateNote(id: string, patch: { text: string }): Promise<Note>;
  deleteNote(id: string): Promise<Note | undefined>;
  restoreNote(note: Note): Promise<void>;
  importNotes(notes: Note[]): Promise<{ added: number; updated: number; unchanged: number }>;
}

export interface KbStore {
  getKbInfo(): Promise<KbInfo>;
  /** Throws with a message fit to show when the file is not a valid pack. */
  parsePackFile(file: Blob, onProgress?: Progress): Promise<Pack>;
  importPack(pack: Pack, opts?: { onProgress?: Progress }): Promise<PackInfo>;
  removePack(id: string): Promise<void>;
}

export interface SettingsStore {
  loadSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  watchSettings(cb: (s: Settings) => void): () => void;
}

export interface OptionsApi extends NotesStore, KbStore, SettingsStore {
  /** Hands a file to the browser's downloads. */
  download(file: ExportFile): void;
}

/** The real options API: IndexedDB via lib/kb/db, settings via storage, Blob downloads. */
export function createOptionsApi(): OptionsApi {
  return {
    listNotes: db.listNotes,
    updateNote: db.updateNote,
    deleteNote: db.deleteNote,
    restoreNote: db.restoreNote,
    importNotes: db.importNotes,
    getKbInfo: db.getKbInfo,
    parsePackFile,
    importPack: db.importPack,
    removePack: db.removePack,
    loadSettings,
    saveSettings,
    watchSettings,
    download: downloadFile,
  };
}
