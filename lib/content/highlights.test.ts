// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY_COLORS } from '@/lib/categories';
import { fadeRgba, highlightCss, luminance, pageScheme } from './highlights';

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
    const file = readFileSync(join(import.meta.dirname, 'highlight-rules.css'), 'utf8');
    const rules = file.replace(/\/\*[\s\S]*?\*\//g, '').trim();
    expect(rules).toBe(highlightCss('light'));
  });
});
