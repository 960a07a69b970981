/**
 * Groups the content script's page summary for the popup.
 */
import type { Category } from '@/lib/kb/schema';
import { CATEGORIES } from '@/lib/kb/schema';
import type { PageEntity } from '@/lib/messages';

export interface PageEntityGroup {
  category: Category;
  entities: PageEntity[];
  mentions: number;
}

/**
 * Groups entities by category in the fixed category order, most-mentioned first (then by name),
 * leaving out empty categories.
 */
export function groupPageEntities(entities: readonly PageEntity[]): PageEntityGroup[] {
  return CATEGORIES.map((category) => {
    const list = entities
      .filter((e) => e.category === category)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { category, entities: list, mentions: list.reduce((n, e) => n + e.count, 0) };
  }).filter((g) => g.entities.length > 0);
}
