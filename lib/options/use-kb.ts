/**
 * The knowledge-base section: counts, packs, pack import with progress, and pack removal.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { KbInfo } from '@/lib/kb/types';
import type { KbStore } from './store';
import type { Message } from './use-notes';

export interface ImportProgress {
  phase: 'reading' | 'saving';
  done: number;
  total: number;
}

export interface KbState {
  info: KbInfo | null;
  loadError: string | null;
  progress: ImportProgress | null;
  message: Message | null;
  importFile(file: File): Promise<void>;
  remove(id: string): Promise<void>;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Drives the knowledge-base section from a `KbStore`. */
export function useKb(api: KbStore): KbState {
  const [info, setInfo] = useState<KbInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const reload = useCallback(async () => {
    try {
      setInfo(await api.getKbInfo());
      setLoadError(null);
    } catch (e) {
      setLoadError(`Could not read the knowledge base: ${errorText(e)}`);
    }
  }, [api]);

  useEffect(() => {
    void reload();
    // The first seed runs in the background; show its result when the reader comes back.
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  const importFile = useCallback(
    async (file: File) => {
      setMessage(null);
      setProgress({ phase: 'reading', done: 0, total: file.size });
      try {
        const pack = await api.parsePackFile(file, (done, total) => setProgress({ phase: 'reading', done, total }));
        setProgress({ phase: 'saving', done: 0, total: pack.entities.length });
        const added = await api.importPack(pack, {
          onProgress: (done, total) => setProgress({ phase: 'saving', done, total }),
        });
        setMessage({
          kind: 'status',
          text: `Imported “${added.name}” (${added.entities.toLocaleString('en')} entities).`,
        });
        await reload();
      } catch (e) {
        setMessage({ kind: 'error', text: errorText(e) });
      } finally {
        setProgress(null);
      }
    },
    [api, reload],
  );

  const remove = useCallback(
    async (id: string) => {
      const name = info?.packs.find((p) => p.id === id)?.name ?? id;
      try {
        await api.removePack(id);
        setMessage({ kind: 'status', text: `Removed “${name}”.` });
        await reload();
      } catch (e) {
        setMessage({ kind: 'error', text: `Could not remove “${name}”: ${errorText(e)}` });
      }
    },
    [api, info, reload],
  );

  return { info, loadError, progress, message, importFile, remove };
}
