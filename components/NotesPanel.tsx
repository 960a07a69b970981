import { useId, useRef } from 'preact/hooks';
import type { NotesState, Grouping } from '@/lib/options/use-notes';
import type { Note } from '@/lib/notes/types';
import { CategoryDot } from './CategoryDot';
import { NoteItem } from './NoteItem';
import { Toast } from './Toast';

const GROUPINGS: { value: Grouping; label: string }[] = [
  { value: 'none', label: 'Newest first' },
  { value: 'entity', label: 'By entity' },
  { value: 'page', label: 'By page' },
];

const count = (n: number) => `${n} ${n === 1 ? 'note' : 'notes'}`;

/** The notes section: search, grouping, export/import and the list itself. */
export function NotesPanel({ state }: { state: NotesState }) {
  const searchId = useId();
  const groupId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const total = state.notes?.length ?? 0;
  const filtered = state.query.trim() !== '';
  const exportCount = state.scope === 'shown' ? state.shown.length : total;

  const item = (n: Note) => (
    <li key={n.id}>
      <NoteItem
        note={n}
        onSave={state.save}
        onDelete={state.remove}
        showEntity={state.grouping !== 'entity'}
        showPage={state.grouping !== 'page'}
      />
    </li>
  );

  return (
    <section class="g-panel" aria-labelledby="g-notes-title">
      <div class="g-panel-head">
        <h2 id="g-notes-title">Notes</h2>
        <span class="g-muted">{state.notes ? count(total) : ''}</span>
      </div>

      <div class="g-toolbar">
        <div class="g-search">
          <label for={searchId} class="g-visually-hidden">
            Search notes
          </label>
          <input
            id={searchId}
            type="search"
            class="g-input"
            placeholder="Search text, names, pages, sites…"
            value={state.query}
            onInput={(e) => state.setQuery(e.currentTarget.value)}
          />
        </div>
        <div class="g-field-row">
          <label for={groupId}>Group</label>
          <select
            id={groupId}
            class="g-select"
            value={state.grouping}
            onChange={(e) => state.setGrouping(e.currentTarget.value as Grouping)}
          >
            {GROUPINGS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <div class="g-transfer">
        <fieldset class="g-fieldset g-export-scope" disabled={!filtered}>
          <legend class="g-legend">Export</legend>
          <label>
            <input type="radio" name="g-scope" checked={state.scope === 'all'} onChange={() => state.setScope('all')} />
            All notes ({total})
          </label>
          <label>
            <input type="radio" name="g-scope" checked={state.scope === 'shown'} onChange={() => state.setScope('shown')} />
            {filtered ? `Only the ${state.shown.length} matching the search` : 'Only notes matching a search'}
          </label>
        </fieldset>
        <div class="g-transfer-buttons">
          <button type="button" class="g-button" disabled={exportCount === 0} onClick={() => state.exportAs('markdown')}>
            Export Markdown
          </button>
          <button type="button" class="g-button" disabled={exportCount === 0} onClick={() => state.exportAs('json')}>
            Export JSON
          </button>
          <button type="button" class="g-button" disabled={exportCount === 0} onClick={() => state.exportAs('csv')}>
            Export CSV
          </button>
          <span class="g-transfer-sep" aria-hidden="true" />
          <label class="g-button g-file-button">
            Import notes
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              class="g-visually-hidden"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void state.importFile(file).finally(() => fileInput.current && (fileInput.current.value = ''));
              }}
            />
          </label>
        </div>
        <p class="g-hint">
          {exportCount === total
            ? `Exports all ${count(total)}.`
            : `Exports the ${count(exportCount)} matching “${state.query.trim()}”.`}{' '}
          JSON is the backup format: importing it restores notes exactly, without duplicates.
        </p>
      </div>

      {state.message && (
        <p
          class={state.message.kind === 'error' ? 'g-error' : 'g-status'}
          role={state.message.kind === 'error' ? 'alert' : 'status'}
        >
          {state.message.text}
          <button type="button" class="g-toast-close" aria-label="Dismiss message" onClick={state.dismissMessage}>
            ×
          </button>
        </p>
      )}
      {state.loadError && (
        <p class="g-error" role="alert">
          {state.loadError}
        </p>
      )}

      {state.notes === null && !state.loadError && <p class="g-muted">Loading notes…</p>}
      {state.notes && total === 0 && (
        <div class="g-empty">
          <p class="g-empty-title">No notes yet</p>
          <p class="g-muted">Hover a highlighted name on a news page and choose “Add note” on its card.</p>
        </div>
      )}
      {state.notes && total > 0 && state.shown.length === 0 && (
        <p class="g-muted" role="status">
          No notes match “{state.query.trim()}”.
        </p>
      )}

      {state.grouping === 'none' ? (
        <ul class="g-note-list">{state.shown.map(item)}</ul>
      ) : (
        state.groups.map((g) => (
          <section key={g.key} class="g-note-group" aria-label={g.label}>
            <h3 class="g-note-group-title">
              {g.category && <CategoryDot category={g.category} />}
              <span class="g-note-group-label">{g.label}</span>
              {g.site && <span class="g-muted g-note-group-site">{g.site}</span>}
              <span class="g-muted g-note-group-count">{count(g.notes.length)}</span>
            </h3>
            <ul class="g-note-list">{g.notes.map(item)}</ul>
          </section>
        ))
      )}

      {state.deleted && (
        <Toast
          text={`Deleted the note on ${state.deleted.entityName}.`}
          actionLabel="Undo"
          onAction={state.undo}
          onDismiss={state.dismissUndo}
        />
      )}
    </section>
  );
}
