// @vitest-environment happy-dom
import { RecognitionSessions } from '@/lib/background/recognize';
import type { RecognizeRequest } from '@/lib/messages';
import { compileMatcher } from '@/lib/recognize';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { HighlightLayer } from './highlights';
import { MentionStore } from './mention-store';
import { remoteRecognizer } from './recognizer';
import { pieceStarts, quoteAround, Scanner } from './scanner';
import { installHighlightShims, TEST_FORMS } from './test-support';

installHighlightShims();
const matcher = compileMatcher(TEST_FORMS);

/**
 * A scanner whose recognizer talks to a real background session store, through JSON as
 * Chrome's messaging would; `sent` records every batch.
 */
function setup(html: string, limits?: { chars: number; texts: number }) {
  document.body.innerHTML = html;
  const store = new MentionStore();
  const layer = new HighlightLayer(document, DEFAULT_SETTINGS.categories);
  const shadows: ShadowRoot[] = [];
  const background = new RecognitionSessions(async () => ({ version: 'v1', matcher }));
  const sent: RecognizeRequest[] = [];
  const hooks = { beforeAnswer: (): void => undefined };
  const recognizer = remoteRecognizer(async (req) => {
    sent.push(JSON.parse(JSON.stringify(req)) as RecognizeRequest);
    const answer = await background.recognize({ tabId: 1, frameId: 0 }, req.session, req.reset === true, req.texts);
    hooks.beforeAnswer();
    return JSON.parse(JSON.stringify(answer)) as typeof answer;
  });
  const scanner = new Scanner(document, store, layer, recognizer, {
    onShadowRoot: (sr) => shadows.push(sr),
    onChange: () => undefined,
  }, limits);
  return { store, layer, scanner, shadows, sent, hooks };
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

  it('sends the page in batches of whole pieces, in document order, one session per full scan', async () => {
    const para = 'Kim Jong-un met Putin in Kursk. '.repeat(50); // 1,600 chars a paragraph
    const { store, scanner, sent } = setup(`<p>${para}</p>`.repeat(120), { chars: 48 * 1024, texts: 1000 });
    await scanner.scanDocument();
    expect(store.size).toBe(120 * 150);
    expect(sent.length).toBeGreaterThan(2);
    expect(sent.every((r) => r.texts.join('').length <= 48 * 1024 + 4000)).toBe(true);
    expect(sent.flatMap((r) => r.texts)).toEqual(Array.from({ length: 120 }, () => para));
    expect(sent.map((r) => r.reset === true)).toEqual([true, ...sent.slice(1).map(() => false)]);
    expect(new Set(sent.map((r) => r.session)).size).toBe(1);
    await scanner.scanDocument();
    expect(sent.at(-1)?.session).not.toBe(sent[0]?.session);
    expect(store.size).toBe(2 * 120 * 150); // the caller clears the store between full scans
  });

  it('sends a short page in one message (its walk ends within the first slice)', async () => {
    const { store, scanner, sent } = setup('<p>Kim Jong-un met Putin in Kursk.</p>'.repeat(10));
    await scanner.scanDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.texts).toHaveLength(10);
    expect(store.size).toBe(30);
  });

  it('keeps coreference across batches and rescans (same session)', async () => {
    const filler = `<p>${'Nothing to see here at all. '.repeat(100)}</p>`.repeat(10);
    const { store, scanner, sent } = setup(`<p>Kim Jong-un arrived.</p>${filler}<p id="late">Later Kim left.</p>`, {
      chars: 8 * 1024,
      texts: 100,
    });
    await scanner.scanDocument();
    expect(sent.length).toBeGreaterThan(1);
    expect(summary(store)).toEqual(['Q56226:Kim Jong-un:direct', 'Q56226:Kim:coref']);
    const late = document.getElementById('late') as HTMLElement;
    (late.firstChild as Text).data = 'Kim returned.';
    await scanner.rescan([late]);
    expect(summary(store)).toEqual(['Q56226:Kim Jong-un:direct', 'Q56226:Kim:coref']);
    expect(sent.at(-1)?.session).toBe(sent[0]?.session);
  });

  it('skips a block the page changed while the recognizer worked (the observer rescans it)', async () => {
    const { store, scanner, hooks } = setup('<p id="a">Putin spoke.</p><p>Kursk too.</p>');
    hooks.beforeAnswer = () => {
      const a = document.getElementById('a')?.firstChild as Text;
      a.data = 'Someone spoke.';
    };
    await scanner.scanDocument();
    expect(summary(store)).toEqual(['Q4258:Kursk:direct']);
  });

  it('stops quietly when a new scan starts while an answer is on its way', async () => {
    const { store, scanner, hooks } = setup('<p>Putin spoke.</p>');
    let cancelled = false;
    hooks.beforeAnswer = () => {
      if (!cancelled) scanner.cancel();
      cancelled = true;
    };
    await scanner.scanDocument();
    expect(store.size).toBe(0);
  });

  it('rejects when the recognizer cannot be reached', async () => {
    const { scanner, hooks } = setup('<p>Putin spoke.</p>');
    hooks.beforeAnswer = () => {
      throw new Error('Extension context invalidated.');
    };
    await expect(scanner.scanDocument()).rejects.toThrow('invalidated');
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

  it('rescans a block holding shadow roots without counting their names twice', async () => {
    const { store, scanner } = setup('<section id="s"><div id="h"></div><p>Putin</p></section>');
    const outer = (document.getElementById('h') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>Shadow Kursk</p><span id="i"></span>';
    (outer.getElementById('i') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<p>Hezbollah</p>';
    await scanner.scanDocument();
    const before = summary(store).sort();
    expect(before).toHaveLength(3);
    await scanner.rescan([document.getElementById('s') as HTMLElement]);
    expect(summary(store).sort()).toEqual(before);
    await scanner.rescan([outer]);
    expect(summary(store).sort()).toEqual(before);
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
    expect(last?.quote.prefix).toBe('\u2026Putin and Hezbollah met in '); // cut at a word, not "rsk. "
  });
});

describe('quoteAround', () => {
  const text = 'The defence minister of the Russian Federation, Sergei Shoigu, said on Tuesday that the talks had ended.';
  const at = text.indexOf('Sergei Shoigu');
  const quote = (t: string, s: number, e: number, n?: number) => quoteAround(t, s, e, n);

  it('keeps about 32 characters either side, cut at word boundaries with an ellipsis', () => {
    expect(quote(text, at, at + 13)).toEqual({
      exact: 'Sergei Shoigu',
      prefix: '\u2026of the Russian Federation, ',
      suffix: ', said on Tuesday that the talks\u2026',
    });
  });

  it('keeps short context whole, without an ellipsis', () => {
    expect(quote('Sergei Shoigu said', 0, 13)).toEqual({ exact: 'Sergei Shoigu', prefix: '', suffix: ' said' });
    expect(quote('Minister Sergei Shoigu', 9, 22)).toEqual({ exact: 'Sergei Shoigu', prefix: 'Minister ', suffix: '' });
  });

  it('keeps a cut that already falls between words', () => {
    // 8 characters before "Shoigu" is exactly the start of "Sergei"; after it, the space.
    expect(quote('Defence Sergei Shoigu and more', 15, 21, 8)).toEqual({
      exact: 'Shoigu',
      prefix: '\u2026Sergei ',
      suffix: ' and\u2026',
    });
  });

  it('cuts text without spaces by character, never inside a surrogate pair', () => {
    const cjk = '北朝鮮の金正恩総書記は平壌で演説した';
    const k = cjk.indexOf('金正恩');
    expect(quote(cjk, k, k + 3, 3)).toEqual({ exact: '金正恩', prefix: '\u2026朝鮮の', suffix: '総書記\u2026' });
    const emoji = '😀'.repeat(10); // 20 code units
    const e = `${emoji}Kursk${emoji}`;
    for (const n of [3, 4]) {
      const q = quote(e, 20, 25, n);
      expect(q.exact).toBe('Kursk');
      for (const part of [q.prefix, q.suffix]) {
        expect(part.replace('\u2026', '')).toMatch(/^(?:😀)+$/u);
      }
    }
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
