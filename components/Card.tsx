import { useState } from 'preact/hooks';
import type { Entity } from '@/lib/kb/schema';
import { CATEGORY_COLORS, CATEGORY_SINGULAR, type ColorScheme } from '@/lib/categories';
import { NoteEditor } from './NoteEditor';

export interface CardProps {
  entity: Entity;
  /** Names of related entities that are known (unknown ones are left out). */
  related: string[];
  scheme: ColorScheme;
  onClose: () => void;
  onSaveNote: (text: string) => Promise<void>;
  /** Lets the host know the editor is open, so hover does not close the card under it. */
  onEditingChange?: (editing: boolean) => void;
}

const MAX_ALIASES = 4;
const MAX_FACTS = 5;
const MAX_RELATED = 6;

/** Distinct alias spellings other than the display name (case-insensitively), a few. */
export function displayAliases(entity: Entity): string[] {
  const seen = new Set([entity.name.toLowerCase()]);
  const out: string[] = [];
  for (const a of entity.aliases) {
    const key = a.text.toLowerCase();
    if (seen.has(key) || a.kind === 'surname' || a.kind === 'demonym') continue;
    seen.add(key);
    out.push(a.text);
    if (out.length >= MAX_ALIASES) break;
  }
  return out;
}

/** Formats "2024-05" as "May 2024" and "2024" as "2024". */
export function formatAsOf(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The hover card for one entity: a non-modal dialog named by the entity's display name. */
export function Card({ entity, related, scheme, onClose, onSaveNote, onEditingChange }: CardProps) {
  const [mode, setMode] = useState<'view' | 'edit' | 'saved'>('view');
  const color = CATEGORY_COLORS[entity.category][scheme];
  const aliases = displayAliases(entity);
  const setEditing = (next: 'view' | 'edit' | 'saved') => {
    setMode(next);
    onEditingChange?.(next === 'edit');
  };

  return (
    <div
      class="gloss-card"
      role="dialog"
      aria-modal="false"
      aria-label={entity.name}
      tabIndex={-1}
      style={{ '--gloss-accent': color }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="gloss-card__top">
        <span class="gloss-card__cat">
          <span class="gloss-card__dot" aria-hidden="true" />
          {CATEGORY_SINGULAR[entity.category]}
        </span>
        <button type="button" class="gloss-card__close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </div>
      <h2 class="gloss-card__name">{entity.name}</h2>
      <p class="gloss-card__desc">{entity.description}</p>
      <div class="gloss-card__body">
        {entity.summary && <p class="gloss-card__summary">{entity.summary}</p>}
        {entity.facts.length > 0 && (
          <dl class="gloss-card__facts">
            {entity.facts.slice(0, MAX_FACTS).map((f) => (
              <div class="gloss-card__fact" key={`${f.label}:${f.value}`}>
                <dt>{f.label}</dt>
                <dd>
                  {f.value}
                  {f.asOf && <span class="gloss-card__asof">as of {formatAsOf(f.asOf)}</span>}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {aliases.length > 0 && (
          <p class="gloss-card__line">
            <span class="gloss-card__label">Also</span> {aliases.join(' · ')}
          </p>
        )}
        {related.length > 0 && (
          <p class="gloss-card__line">
            <span class="gloss-card__label">Related</span> {related.slice(0, MAX_RELATED).join(' · ')}
            {related.length > MAX_RELATED && <span class="gloss-card__more"> +{related.length - MAX_RELATED}</span>}
          </p>
        )}
        {entity.sources.length > 0 && (
          <p class="gloss-card__line gloss-card__sources">
            <span class="gloss-card__label">Source</span>{' '}
            {entity.sources.map((s, i) => (
              <span key={s.url}>
                {i > 0 && ' · '}
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.title}
                </a>
              </span>
            ))}
          </p>
        )}
      </div>
      <div class="gloss-card__foot">
        {mode === 'edit' ? (
          <NoteEditor onSave={onSaveNote} onCancel={() => setEditing('view')} onSaved={() => setEditing('saved')} />
        ) : (
          <div class="gloss-card__actions">
            <button type="button" class="gloss-btn" onClick={() => setEditing('edit')}>
              Save note
            </button>
            {mode === 'saved' && (
              <span class="gloss-card__saved" role="status">
                Saved
              </span>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
