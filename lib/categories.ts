/**
 * The category palette and labels shared by the highlights (content script), the card, the
 * popup and the options page. Colours follow the Okabe–Ito colour-blind-safe set, darkened for
 * light backgrounds and lightened for dark ones, so each category stays distinguishable with
 * the common forms of colour blindness and keeps >= 3:1 contrast against the page.
 */

/**
 * The five categories. They live here, not in lib/kb/schema.ts (which re-exports them), so
 * the content script can use them without pulling in the valibot schemas.
 */
export const CATEGORIES = ['person', 'place', 'organization', 'weapon', 'event'] as const;
export type Category = (typeof CATEGORIES)[number];

export type ColorScheme = 'light' | 'dark';

/** Solid accent per category (dots, underlines, card accents), for light and dark pages. */
export const CATEGORY_COLORS: Record<Category, Record<ColorScheme, string>> = {
  person: { light: '#0b6fb0', dark: '#5bb8f0' },
  place: { light: '#00845f', dark: '#3fd1a0' },
  organization: { light: '#a23d8c', dark: '#e08bcf' },
  weapon: { light: '#c2410c', dark: '#ff8f57' },
  event: { light: '#a16207', dark: '#f2c14e' },
};

/** Translucent wash per category for `::highlight()` backgrounds; text stays readable. */
export const CATEGORY_HIGHLIGHTS: Record<Category, Record<ColorScheme, string>> = {
  person: { light: 'rgba(11, 111, 176, 0.14)', dark: 'rgba(91, 184, 240, 0.24)' },
  place: { light: 'rgba(0, 132, 95, 0.14)', dark: 'rgba(63, 209, 160, 0.22)' },
  organization: { light: 'rgba(162, 61, 140, 0.13)', dark: 'rgba(224, 139, 207, 0.22)' },
  weapon: { light: 'rgba(194, 65, 12, 0.13)', dark: 'rgba(255, 143, 87, 0.22)' },
  event: { light: 'rgba(161, 98, 7, 0.15)', dark: 'rgba(242, 193, 78, 0.22)' },
};

/** Plural labels, as used for the category switches ("People", "Places"…). */
export const CATEGORY_LABELS: Record<Category, string> = {
  person: 'People',
  place: 'Places',
  organization: 'Organizations',
  weapon: 'Weapons',
  event: 'Events',
};

/** Singular labels ("Person", "Place"…), for one entity's badge. */
export const CATEGORY_SINGULAR: Record<Category, string> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
  weapon: 'Weapon',
  event: 'Event',
};

/**
 * CSS custom properties `--gloss-<category>` and `--gloss-<category>-bg` for one scheme, so
 * stylesheets can use the palette without repeating it.
 */
export function categoryCssVars(scheme: ColorScheme): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const c of CATEGORIES) {
    vars[`--gloss-${c}`] = CATEGORY_COLORS[c][scheme];
    vars[`--gloss-${c}-bg`] = CATEGORY_HIGHLIGHTS[c][scheme];
  }
  return vars;
}
