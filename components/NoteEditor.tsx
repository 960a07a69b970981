import { useEffect, useRef, useState } from 'preact/hooks';

export interface NoteEditorProps {
  /** Saves the note; rejects with a readable message on failure. */
  onSave: (text: string) => Promise<void>;
  onCancel: () => void;
  /** Called after a successful save. */
  onSaved?: () => void;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** A small note form: a "Note" textbox (focused on open), Save and Cancel. */
export function NoteEditor({ onSave, onCancel, onSaved }: NoteEditorProps) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    box.current?.focus();
  }, []);

  const save = async () => {
    if (!text.trim() || status.kind === 'saving') return;
    setStatus({ kind: 'saving' });
    try {
      await onSave(text.trim());
      setStatus({ kind: 'saved' });
      setText('');
      onSaved?.();
    } catch (err) {
      // Keep the reader's text: only the status changes.
      setStatus({
        kind: 'error',
        message: err instanceof Error && err.message ? err.message : 'Could not save the note',
      });
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <form
      class="gloss-note"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <textarea
        ref={box}
        class="gloss-note__text"
        aria-label="Note"
        rows={3}
        maxLength={20000}
        placeholder="Your note about this name…"
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={onKeyDown}
      />
      <div class="gloss-note__row">
        <span class={`gloss-note__status gloss-note__status--${status.kind}`} role="status" aria-live="polite">
          {status.kind === 'saving' && 'Saving…'}
          {status.kind === 'saved' && 'Saved'}
          {status.kind === 'error' && `Not saved: ${status.message}`}
        </span>
        <button type="button" class="gloss-btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="gloss-btn gloss-btn--primary" disabled={!text.trim() || status.kind === 'saving'}>
          Save
        </button>
      </div>
    </form>
  );
}
