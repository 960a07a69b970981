import type { Category } from '@/lib/kb/schema';
import { CATEGORY_COLORS } from '@/lib/categories';

/** A small round swatch in the category's highlight colour (light/dark picked by CSS). */
export function CategoryDot({ category, size = 'md' }: { category: Category; size?: 'sm' | 'md' }) {
  const c = CATEGORY_COLORS[category];
  return (
    <span
      class={`g-dot g-dot-${size}`}
      aria-hidden="true"
      data-category={category}
      style={{ '--dot-light': c.light, '--dot-dark': c.dark }}
    />
  );
}
