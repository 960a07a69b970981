// @vitest-environment happy-dom
import { compileMatcher, createDocumentRecognizer } from '@/lib/recognize';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { HighlightLayer } from './highlights';
import { MentionStore } from './mention-store';
import { pieceStarts, Scanner } from './scanner';
import { installHighlightShims, TEST_FORMS } from './test-support';

installHighlightShims();
const matcher = compileMatcher(TEST_FORMS);

function setup(html: string) {
  document.body.innerHTML = html;
  const store = new MentionStore();
  const layer = new HighlightLayer(document, DEFAULT_SETTINGS.categories);
  const shadows: ShadowRoot[] = [];
  const scanner = new Scanner(document, store, layer, createDocumentRecognizer(matcher), {
    onShadowRoot: (sr) => shadows.push(sr),
    onChange: () => undefined,
  });
  return { store, layer, scanner, shadows };
}

const summary = (store: MentionStore) => store.inDocumentOrder().map((m) => `${m.entityId}:${m.quote.exact}:${m.via}`);

describe('Scanner', () => {
  afterEach(() => {
    (CSS.highlights as unknown as Map<string, unknown>).clear();
  });

  it('finds names split across inline elements and maps them to their text nodes', async () => {
    const { store, scanner } = setup('<p>Russian President <b>Vladimir</b> Putin met <i>Kim</i> Jong-un.</p>');
    await scanner.scanDocument();
    expect(summary(store)).toEqual(['Q7747:Vladimir Putin:direct', 'Q56226:Kim Jong-un:direct']);
    const putin = store.inDocumentOrder()[0];
    expect(putin?.nodes.map((n) => n.data)).toEqual(['Vladimir', ' Putin met ']);
    expect(putin?.range.startOffset).toBe(0);
    expect(putin?.range.endOffset).toBe(6);
    expect(putin?.quote.prefix).toBe('Russian President ');
    expect(putin?.quote.suffix).toBe(' met Kim Jong-un.');
  });

  it('resolves a bare surname only after the full name, across blocks in document order', async () => {
    const { store, scanner } = setup('<p>Kim spoke first.</p><p>Kim Jong-un arrived.</p><p>Later Kim left.</p>');
    await scanner.scanDocument();
    expect(summary(store)).toEqual(['Q56226:Kim Jong-un:direct', 'Q56226:Kim:coref']);
  });

  it('ignores text in form fields, code and editable regions', async () => {
    const { store, scanner } = setup(
      '<textarea>Putin</textarea><code>Putin</code><div contenteditable>Putin</div><p>Kursk</p>',
    );
    await scanner.scanDocument();
    expect(summary(store)).toEqual(['Q4258:Kursk:direct']);
  });

  it('registers one highlight per category with the mentions ranges', async () => {
    const { scanner, layer } = setup('<p>Putin, Kursk and Hezbollah; Geran-2 and North Korea.</p>');
    await scanner.scanDocument();
    expect(layer.activeCounts()).toEqual({ person: 1, place: 2, organization: 1, weapon: 1, event: 0 });
    const reg = CSS.highlights as unknown as Map<string, Set<unknown>>;
    expect([...reg.keys()].sort()).toEqual([
      'gloss-current',
      'gloss-event',
      'gloss-organization',
      'gloss-person',
      'gloss-place',
      'gloss-weapon',
    ]);
    layer.setCategories({ ...DEFAULT_SETTINGS.categories, place: false });
    expect(reg.has('gloss-place')).toBe(false);
    expect(layer.activeCounts().place).toBe(0);
    layer.setCategories(DEFAULT_SETTINGS.categories);
    expect(reg.get('gloss-place')?.size).toBe(2);
  });

  it('scans open shadow roots it meets', async () => {
    const { store, scanner, shadows } = setup('<div id="h"></div>');
    const host = document.getElementById('h') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Shadow Kursk</p>';
    await scanner.scanDocument();
    expect(shadows).toEqual([host.shadowRoot]);
    expect(summary(store)).toEqual(['Q4258:Kursk:direct']);
  });

  it('rescans a changed block: old mentions go, new ones come, removed text is dropped', async () => {
    const { store, scanner, layer } = setup('<p id="a">Putin</p><p id="b">Hezbollah</p>');
    await scanner.scanDocument();
    const a = document.getElementById('a') as HTMLElement;
    (a.firstChild as Text).data = 'Kursk now';
    document.getElementById('b')?.remove();
    await scanner.rescan([a]);
    expect(summary(store)).toEqual(['Q4258:Kursk:direct']);
    expect(layer.activeCounts()).toMatchObject({ person: 0, organization: 0, place: 1 });
  });
});

describe('pieceStarts', () => {
  it('keeps ordinary blocks whole', () => {
    expect(pieceStarts('Putin spoke. '.repeat(100))).toEqual([0]);
  });

  it('cuts long text after sentence ends, never inside a word', () => {
    const sentence = 'Vladimir Putin met Kim Jong-un near Kursk again. ';
    const text = sentence.repeat(200);
    const starts = pieceStarts(text, 500);
    expect(starts.length).toBeGreaterThan(10);
    for (const s of starts.slice(1)) expect(text.slice(s, s + sentence.length)).toBe(sentence);
  });

  it('finds every name in a huge block fed in pieces', async () => {
    const { store, scanner } = setup(`<p>${'Putin and Hezbollah met in Kursk. '.repeat(300)}</p>`);
    await scanner.scanDocument();
    expect(store.size).toBe(900);
    const last = store.inDocumentOrder()[899];
    expect(last?.quote.exact).toBe('Kursk');
    expect(last?.quote.suffix).toBe('. ');
    expect(last?.quote.prefix).toBe('rsk. Putin and Hezbollah met in '); // 32 characters
  });
});

describe('pieceStarts on hostile text', () => {
  it('bounds every piece in a megabyte without sentence ends or spaces, in linear time', () => {
    const noStops = 'word '.repeat(220_000); // ~1.1 MB, spaces but no sentence end
    const noSpaces = '金'.repeat(1_000_000);
    for (const text of [noStops, noSpaces]) {
      const t0 = performance.now();
      const starts = pieceStarts(text);
      expect(performance.now() - t0).toBeLessThan(500);
      const ends = [...starts.slice(1), text.length];
      const longest = Math.max(...starts.map((s, i) => (ends[i] as number) - s));
      expect(longest).toBeLessThanOrEqual(4001);
      expect(starts.length).toBeGreaterThan(200);
    }
    // Cuts fall after a space where there is one, never inside a word.
    for (const s of pieceStarts(noStops).slice(1)) expect(noStops[s - 1]).toBe(' ');
  });
});
