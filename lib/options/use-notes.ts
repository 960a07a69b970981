/**
 * The notes list on the options page: loading, search, grouping, edit, delete with undo,
 * export of all or the shown notes, and JSON import.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Note } from '@/lib/notes/types';
import { filterNotes, groupNotes, sortNewestFirst, type NoteGroup, type NoteGrouping } from '@/lib/notes/filter';
import { buildExport, type ExportFormat } from '@/lib/notes/export';
import { parseNotesJson } from '@/lib/notes/json';
import type { OptionsApi } from './store';

export type Grouping = NoteGrouping | 'none';
export type ExportScope = 'all' | 'shown';
export interface Message {
  kind: 'status' | 'error';
  text: string;
}

export interface NotesState {
  notes: Note[] | null;
  loadError: string | null;
  query: string;
  setQuery(q: string): void;
  grouping: Grouping;
  setGrouping(g: Grouping): void;
  shown: Note[];
  groups: NoteGroup[];
  scope: ExportScope;
  setScope(s: ExportScope): void;
  message: Message | null;
  dismissMessage(): void;
  /** The last deleted note, until it is restored or the toast goes away. */
  deleted: Note | null;
  save(id: string, text: string): Promise<boolean>;
  remove(id: string): void;
  undo(): void;
  dismissUndo(): void;
  exportAs(format: ExportFormat): void;
  importFile(file: File): Promise<void>;
}

const FORMAT_NAMES: Record<ExportFormat, string> = { markdown: 'Markdown', json: 'JSON', csv: 'CSV' };
const UNDO_MS = 10_000;
/** Far above any real notes export; stops a wrong pick (a video, a disk image) from being read. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Drives the notes section from an `OptionsApi`. */
export function useNotes(api: OptionsApi): NotesState {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [scope, setScope] = useState<ExportScope>('all');
  const [message, setMessage] = useState<Message | null>(null);
  const [deleted, setDeleted] = useState<Note | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();

  const reload = useCallback(async () => {
    try {
      setNotes(sortNewestFirst(await api.listNotes()));
      setLoadError(null);
    } catch (e) {
      setLoadError(`Could not load your notes: ${errorText(e)}`);
    }
  }, [api]);

  useEffect(() => {
    void reload();
    // Notes are saved from cards in other tabs; pick them up when the reader comes back.
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearTimeout(undoTimer.current);
    };
  }, [reload]);

  const shown = useMemo(() => filterNotes(notes ?? [], query), [notes, query]);
  const groups = useMemo(() => (grouping === 'none' ? [] : groupNotes(shown, grouping)), [shown, grouping]);
  const filtered = query.trim() !== '';

  const save = useCallback(
    async (id: string, text: string) => {
      try {
        const updated = await api.updateNote(id, { text });
        setNotes((list) => list && list.map((n) => (n.id === id ? updated : n)));
        return true;
      } catch (e) {
        setMessage({ kind: 'error', text: `Could not save the note: ${errorText(e)}` });
        return false;
      }
    },
    [api],
  );

  const dismissUndo = useCallback(() => {
    clearTimeout(undoTimer.current);
    setDeleted(null);
  }, []);

  const remove = useCallback(
    (id: string) => {
      api.deleteNote(id).then(
        (note) => {
          setNotes((list) => list && list.filter((n) => n.id !== id));
          if (!note) return;
          setDeleted(note);
          clearTimeout(undoTimer.current);
          undoTimer.current = setTimeout(() => setDeleted(null), UNDO_MS);
        },
        (e: unknown) => setMessage({ kind: 'error', text: `Could not delete the note: ${errorText(e)}` }),
      );
    },
    [api],
  );

  const undo = useCallback(() => {
    if (!deleted) return;
    const note = deleted;
    dismissUndo();
    api.restoreNote(note).then(reload, (e: unknown) =>
      setMessage({ kind: 'error', text: `Could not restore the note: ${errorText(e)}` }),
    );
  }, [api, deleted, dismissUndo, reload]);

  const exportAs = useCallback(
    (format: ExportFormat) => {
      const list = scope === 'shown' && filtered ? shown : (notes ?? []);
      api.download(buildExport(list, format));
      setMessage({ kind: 'status', text: `Exported ${plural(list.length, 'note')} as ${FORMAT_NAMES[format]}.` });
    },
    [api, scope, filtered, shown, notes],
  );

  const importFile = useCallback(
    async (file: File) => {
      let parsed: Note[];
      if (file.size > MAX_IMPORT_BYTES) {
        setMessage({ kind: 'error', text: `${file.name} is larger than 50 MB; this is not a Gloss notes export. Nothing was imported.` });
        return;
      }
      try {
        parsed = parseNotesJson(await file.text());
      } catch (e) {
        setMessage({ kind: 'error', text: `${file.name}: ${errorText(e)} Nothing was imported.` });
        return;
      }
      try {
        const r = await api.importNotes(parsed);
        setMessage({ kind: 'status', text: `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged.` });
        await reload();
      } catch (e) {
        setMessage({ kind: 'error', text: `Could not import ${file.name}: ${errorText(e)}` });
      }
    },
    [api, reload],
  );

  return {
    notes,
    loadError,
    query,
    setQuery,
    grouping,
    setGrouping,
    shown,
    groups,
    scope: filtered ? scope : 'all',
    setScope,
    message,
    dismissMessage: () => setMessage(null),
    deleted,
    save,
    remove,
    undo,
    dismissUndo,
    exportAs,
    importFile,
  };
}
