import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Note } from '@/lib/notes/types';
import { CATEGORY_COLORS, CATEGORY_HIGHLIGHTS, CATEGORY_SINGULAR } from '@/lib/categories';
import { CategoryDot } from './CategoryDot';
import { contextAfter, contextBefore } from '@/lib/notes/quote-context';

export interface NoteItemProps {
  note: Note;
  /** Resolves true when the note was saved (the editor then closes). */
  onSave(id: string, text: string): Promise<boolean>;
  onDelete(id: string): void;
  /** Hide the entity line when the list is already grouped by entity. */
  showEntity?: boolean;
  /** Hide the page line when the list is already grouped by page. */
  showPage?: boolean;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatDate = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
};
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** One note: entity, quote in context, the reader's text (editable), page link and dates. */
export function NoteItem({ note, onSave, onDelete, showEntity = true, showPage = true }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [saving, setSaving] = useState(false);
  const textareaId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (editing) textarea.current?.focus();
  }, [editing]);

  const startEdit = () => {
    setDraft(note.text);
    setEditing(true);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    const ok = await onSave(note.id, draft);
    setSaving(false);
    if (ok) setEditing(false);
  };
  const edited = note.updatedAt !== note.createdAt;
  const title = note.title.trim() || note.url;

  return (
    <article class="g-note" aria-label={`Note on ${note.entityName}`}>
      {showEntity && (
        <header class="g-note-entity">
          <CategoryDot category={note.category} />
          <span class="g-note-entity-name">{note.entityName}</span>
          <span class="g-note-category">{CATEGORY_SINGULAR[note.category]}</span>
        </header>
      )}
      {note.quote.exact.trim() && (
        <blockquote
          class="g-note-quote"
          style={{
            '--cat-light': CATEGORY_COLORS[note.category].light,
            '--cat-dark': CATEGORY_COLORS[note.category].dark,
            '--cat-bg-light': CATEGORY_HIGHLIGHTS[note.category].light,
            '--cat-bg-dark': CATEGORY_HIGHLIGHTS[note.category].dark,
          }}
        >
          {contextBefore(note.quote.prefix) && <span class="g-note-context">{contextBefore(note.quote.prefix)}</span>}
          <mark class="g-note-exact">{note.quote.exact}</mark>
          {contextAfter(note.quote.suffix) && <span class="g-note-context">{contextAfter(note.quote.suffix)}</span>}
        </blockquote>
      )}
      {editing ? (
        <form class="g-note-edit" onSubmit={submit}>
          <label class="g-visually-hidden" for={textareaId}>
            Note on {note.entityName}
          </label>
          <textarea
            id={textareaId}
            ref={textarea}
            class="g-textarea"
            rows={4}
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
              else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
            }}
          />
          <div class="g-note-actions">
            <button type="submit" class="g-button g-button-primary" disabled={saving}>
              Save
            </button>
            <button type="button" class="g-button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        note.text.trim() && <p class="g-note-text">{note.text}</p>
      )}
      <footer class="g-note-meta">
        {showPage && (
          <span class="g-note-page">
            {isWebUrl(note.url) ? (
              <a href={note.url} target="_blank" rel="noopener noreferrer">
                {title}
              </a>
            ) : (
              title
            )}
          </span>
        )}
        <span class="g-note-dates">
          <time dateTime={note.createdAt}>{formatDate(note.createdAt)}</time>
          {edited && (
            <>
              {' · edited '}
              <time dateTime={note.updatedAt}>{formatDate(note.updatedAt)}</time>
            </>
          )}
        </span>
        {!editing && (
          <span class="g-note-actions">
            <button type="button" class="g-button g-button-quiet" aria-label={`Edit note on ${note.entityName}`} onClick={startEdit}>
              Edit
            </button>
            <button
              type="button"
              class="g-button g-button-quiet g-button-danger"
              aria-label={`Delete note on ${note.entityName}`}
              onClick={() => onDelete(note.id)}
            >
              Delete
            </button>
          </span>
        )}
      </footer>
    </article>
  );
}
