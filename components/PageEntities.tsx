import { CATEGORY_LABELS } from '@/lib/categories';
import type { PageState } from '@/lib/popup/use-popup';
import { groupPageEntities } from '@/lib/popup/summary';
import { CategoryDot } from './CategoryDot';

export interface PageEntitiesProps {
  page: PageState;
  onReveal(entityId: string): void;
}

/** "On this page": what Gloss recognized, by category, or why it could not look. */
export function PageEntities({ page, onReveal }: PageEntitiesProps) {
  if (page.kind === 'loading') {
    return (
      <p class="g-muted" role="status">
        Looking at this page…
      </p>
    );
  }
  if (page.kind === 'unsupported') {
    return (
      <div class="g-empty" role="status">
        <p class="g-empty-title">Gloss can’t read this page</p>
        <p class="g-muted">{page.reason}</p>
      </div>
    );
  }
  if (page.kind === 'off') {
    return (
      <div class="g-empty" role="status">
        <p class="g-empty-title">Gloss is off here</p>
        <p class="g-muted">Turn it on above to highlight names on this page.</p>
      </div>
    );
  }
  const groups = groupPageEntities(page.entities);
  if (groups.length === 0) {
    return (
      <p class="g-muted" role="status">
        No people, places, organizations, weapons or events recognized on this page.
      </p>
    );
  }
  return (
    <div class="g-page-groups">
      {groups.map((g) => (
        <section key={g.category} class="g-page-group" aria-label={CATEGORY_LABELS[g.category]}>
          <h3 class="g-page-group-title">
            <CategoryDot category={g.category} size="sm" />
            {CATEGORY_LABELS[g.category]}
          </h3>
          <ul class="g-chips">
            {g.entities.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  class="g-chip"
                  title={`Show ${e.name} on the page`}
                  aria-label={`${e.name}, ${e.count} ${e.count === 1 ? 'mention' : 'mentions'}`}
                  onClick={() => onReveal(e.id)}
                >
                  <span class="g-chip-name">{e.name}</span>
                  <span class="g-chip-count">{e.count}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
