// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY_COLORS, type Category } from '@/lib/categories';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import {
  categoryOfHighlight,
  fadeRgba,
  highlightCss,
  HighlightLayer,
  LONG_TEXT_CHARS,
  luminance,
  pageScheme,
} from './highlights';
import type { PageMention } from './mention-store';
import { installHighlightShims } from './test-support';

installHighlightShims();

describe('highlight styles', () => {
  it('has one rule per category plus the current mention, in the palette of the page', () => {
    const light = highlightCss('light');
    for (const c of ['person', 'place', 'organization', 'weapon', 'event']) {
      expect(light).toContain(`::highlight(gloss-${c})`);
    }
    expect(light).toContain('::highlight(gloss-current)');
    expect(light).toContain(CATEGORY_COLORS.person.light);
    expect(highlightCss('dark')).toContain(CATEGORY_COLORS.person.dark);
  });

  it('fades a wash without touching other colours', () => {
    expect(fadeRgba('rgba(11, 111, 176, 0.14)', 0.5)).toBe('rgba(11, 111, 176, 0.07)');
    expect(fadeRgba('#0b6fb0', 0.5)).toBe('#0b6fb0');
  });

  it('tells dark pages from light ones', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgba(0, 0, 0, 0)')).toBeNull();
    document.body.style.backgroundColor = 'rgb(21, 23, 26)';
    expect(pageScheme(document)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(pageScheme(document)).toBe('light');
  });

  it('ships the light rules the manifest injects, identical to what the page would be given', () => {
    const file = readFileSync(join(import.meta.dirname, '..', '..', 'entrypoints', 'page-highlights.css'), 'utf8');
    const rules = file.replace(/\/\*[\s\S]*?\*\//g, '').trim();
    expect(rules).toBe(highlightCss('light'));
  });
});

/** A mention of the first `len` characters' word "Putin" in a fresh text node of `len` chars. */
function mentionIn(len: number, category: Category = 'person', id = 1): PageMention {
  const node = document.createTextNode('Putin'.padEnd(len, ' x'));
  document.body.append(node);
  const range = new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 5 });
  return { id, entityId: 'Q7747', category, via: 'direct', range, nodes: [node], quote: { exact: 'Putin', prefix: '', suffix: '' } };
}

const registry = () => CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
const names = () => [...registry().keys()].sort();

describe('mentions in very long text nodes', () => {
  beforeEach(() => {
    registry().clear();
    document.body.replaceChildren();
  });

  it('paints them in an underline-free highlight, made only once one is needed', () => {
    const layer = new HighlightLayer(document, DEFAULT_SETTINGS.categories);
    const short = mentionIn(200);
    layer.add(short);
    expect(names()).not.toContain('gloss-person-plain');
    expect(registry().get('gloss-person')?.has(short.range)).toBe(true);

    const long = mentionIn(LONG_TEXT_CHARS + 1, 'person', 2);
    layer.add(long);
    expect(registry().get('gloss-person-plain')?.has(long.range)).toBe(true);
    expect(registry().get('gloss-person')?.has(long.range)).toBe(false);
    expect(layer.activeCounts().person).toBe(2);
  });

  it('treats a node of exactly the limit as ordinary text', () => {
    const layer = new HighlightLayer(document, DEFAULT_SETTINGS.categories);
    const m = mentionIn(LONG_TEXT_CHARS);
    layer.add(m);
    expect(registry().get('gloss-person')?.has(m.range)).toBe(true);
    expect(names()).not.toContain('gloss-person-plain');
  });

  it('removes, hides and marks as current from the highlight that holds the range', () => {
    const layer = new HighlightLayer(document, DEFAULT_SETTINGS.categories);
    const long = mentionIn(LONG_TEXT_CHARS + 500, 'place');
    const short = mentionIn(30, 'place', 2);
    layer.add(long);
    layer.add(short);
    layer.setCurrent(long);
    expect([...(registry().get('gloss-current-plain') ?? [])]).toEqual([long.range]);
    expect(registry().get('gloss-current')?.size).toBe(0);
    layer.setCurrent(short);
    expect(registry().get('gloss-current-plain')?.size).toBe(0);
    expect([...(registry().get('gloss-current') ?? [])]).toEqual([short.range]);

    layer.hide(long);
    expect(registry().get('gloss-place-plain')?.size).toBe(0);
    expect(registry().get('gloss-place')?.has(short.range)).toBe(true);
    layer.add(long);
    layer.setCurrent(long);
    layer.remove(long);
    expect(registry().get('gloss-place-plain')?.size).toBe(0);
    expect(registry().get('gloss-current-plain')?.size).toBe(0);
    expect(layer.activeCounts().place).toBe(1);
  });

  it('hides and shows the plain highlight with its category, and detaches it', () => {
    const layer = new HighlightLayer(document, { ...DEFAULT_SETTINGS.categories, weapon: false });
    layer.add(mentionIn(LONG_TEXT_CHARS + 1, 'weapon'));
    expect(names()).not.toContain('gloss-weapon-plain');
    expect(layer.activeCounts().weapon).toBe(0);
    layer.setCategories(DEFAULT_SETTINGS.categories);
    expect(names()).toContain('gloss-weapon-plain');
    expect(layer.activeCounts().weapon).toBe(1);
    layer.setCurrent(mentionIn(LONG_TEXT_CHARS + 1, 'weapon', 2));
    layer.detach();
    expect(names().filter((n) => n.startsWith('gloss-'))).toEqual([]);
  });

  it('styles plain highlights with a wash and no text decoration, in both palettes', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const plain = highlightCss(scheme)
        .split('\n')
        .filter((r) => r.includes('-plain)'));
      expect(plain).toHaveLength(6);
      for (const r of plain) {
        expect(r).toMatch(/background-color:rgba\(/);
        expect(r).not.toContain('text-decoration');
      }
    }
  });

  it('maps highlight names back to categories', () => {
    expect(categoryOfHighlight('gloss-person')).toBe('person');
    expect(categoryOfHighlight('gloss-event-plain')).toBe('event');
    expect(categoryOfHighlight('gloss-current')).toBeNull();
    expect(categoryOfHighlight('gloss-current-plain')).toBeNull();
    expect(categoryOfHighlight('other-person')).toBeNull();
  });
});
