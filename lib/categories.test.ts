import { CATEGORIES } from '@/lib/kb/schema';
import { CATEGORY_COLORS, CATEGORY_HIGHLIGHTS, CATEGORY_LABELS, CATEGORY_SINGULAR, categoryCssVars } from './categories';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('category palette', () => {
  it('has colours and labels for every category', () => {
    for (const c of CATEGORIES) {
      expect(CATEGORY_COLORS[c].light).toMatch(/^#[0-9a-f]{6}$/);
      expect(CATEGORY_COLORS[c].dark).toMatch(/^#[0-9a-f]{6}$/);
      expect(CATEGORY_HIGHLIGHTS[c].light).toMatch(/^rgba\(/);
      expect(CATEGORY_LABELS[c]).toBeTruthy();
      expect(CATEGORY_SINGULAR[c]).toBeTruthy();
    }
    expect(Object.values(CATEGORY_LABELS)).toEqual(['People', 'Places', 'Organizations', 'Weapons', 'Events']);
  });

  it('keeps accents at least 3:1 against white and a dark page', () => {
    for (const c of CATEGORIES) {
      expect(contrast(CATEGORY_COLORS[c].light, '#ffffff'), c).toBeGreaterThanOrEqual(3);
      expect(contrast(CATEGORY_COLORS[c].dark, '#16181c'), c).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses distinct colours per category', () => {
    expect(new Set(CATEGORIES.map((c) => CATEGORY_COLORS[c].light)).size).toBe(CATEGORIES.length);
    expect(new Set(CATEGORIES.map((c) => CATEGORY_COLORS[c].dark)).size).toBe(CATEGORIES.length);
  });

  it('exposes CSS custom properties per scheme', () => {
    const vars = categoryCssVars('dark');
    expect(vars['--gloss-weapon']).toBe(CATEGORY_COLORS.weapon.dark);
    expect(vars['--gloss-place-bg']).toBe(CATEGORY_HIGHLIGHTS.place.dark);
    expect(Object.keys(vars)).toHaveLength(CATEGORIES.length * 2);
  });
});
