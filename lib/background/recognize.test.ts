import { TEST_FORMS } from '@/lib/content/test-support';
import { decodeAnswer } from '@/lib/content/recognizer';
import { compileMatcher, type Matcher } from '@/lib/recognize';
import { MAX_CHARS, MAX_TEXTS, parseRecognizeRequest, RecognitionSessions } from './recognize';

const v1 = compileMatcher(TEST_FORMS);
const tab = (tabId: number, frameId = 0) => ({ tabId, frameId });

/** Sessions over a matcher whose version the test can switch. */
function sessions(max?: number) {
  const live: { version: string; matcher: Matcher } = { version: 'v1', matcher: v1 };
  const s = new RecognitionSessions(async () => live, max);
  /** Recognizes and answers "entity:exact:via" per text, decoded as a page would (after JSON). */
  const run = async (from: { tabId: number; frameId: number }, session: string, texts: string[], reset = false) => {
    const answer = JSON.parse(JSON.stringify(await s.recognize(from, session, reset, texts))) as Awaited<
      ReturnType<RecognitionSessions['recognize']>
    >;
    return decodeAnswer(answer, texts.length).map((list, i) =>
      list.map((m) => `${m.entityId}:${texts[i]?.slice(m.start, m.end)}:${m.via}`),
    );
  };
  return { s, live, run };
}

describe('RecognitionSessions', () => {
  it('answers mentions per text with offsets into that text, entities shared in one table', async () => {
    const { s } = sessions();
    const answer = await s.recognize(tab(1), 'a', true, ['Putin met Kim Jong-un.', '', 'Then Putin left Kursk.']);
    expect(answer.version).toBe('v1');
    expect(answer.entities).toEqual([
      { id: 'Q7747', category: 'person' },
      { id: 'Q56226', category: 'person' },
      { id: 'Q4258', category: 'place' },
    ]);
    expect(answer.mentions).toEqual([[0, 5, 0, 0, 10, 21, 1, 0], [], [5, 10, 0, 0, 16, 21, 2, 0]]);
  });

  it('carries coreference across the batches of one session, not into another', async () => {
    const { run } = sessions();
    expect(await run(tab(1), 'a', ['Kim Jong-un spoke.'], true)).toEqual([['Q56226:Kim Jong-un:direct']]);
    expect(await run(tab(1), 'a', ['Later Kim left.'])).toEqual([['Q56226:Kim:coref']]);
    expect(await run(tab(1), 'b', ['Later Kim left.'], true)).toEqual([[]]);
    expect(await run(tab(1, 3), 'a', ['Later Kim left.'])).toEqual([[]]);
    expect(await run(tab(2), 'a', ['Later Kim left.'])).toEqual([[]]);
  });

  it('starts an unknown session fresh: after a service-worker restart a bare surname gets no card', async () => {
    const first = sessions();
    await first.run(tab(1), 'a', ['Kim Jong-un spoke.'], true);
    const restarted = sessions();
    expect(await restarted.run(tab(1), 'a', ['Later Kim left.', 'Putin too.'])).toEqual([[], ['Q7747:Putin:direct']]);
  });

  it('reset starts the session over and drops the frame’s other sessions', async () => {
    const { s, run } = sessions();
    await run(tab(1), 'old', ['Kim Jong-un.'], true);
    await run(tab(1, 2), 'other-frame', ['Kim Jong-un.'], true);
    expect(s.size).toBe(2);
    expect(await run(tab(1), 'new', ['Kim left.'], true)).toEqual([[]]);
    expect(s.size).toBe(2); // "old" is gone, the other frame's session stays
    expect(await run(tab(1, 2), 'other-frame', ['Kim left.'])).toEqual([['Q56226:Kim:coref']]);
    await run(tab(1), 'new', ['Kim Jong-un.']);
    expect(await run(tab(1), 'new', ['Kim left.'], true)).toEqual([[]]);
  });

  it('keeps at most `max` sessions, dropping the least recently used, and a closed tab’s', async () => {
    const { s, run } = sessions(2);
    await run(tab(1), 'a', ['Kim Jong-un.']);
    await run(tab(2), 'b', ['Kim Jong-un.']);
    await run(tab(1), 'a', ['Putin.']); // a is now the most recent
    await run(tab(3), 'c', ['Kim Jong-un.']);
    expect(s.size).toBe(2);
    expect(await run(tab(1), 'a', ['Kim.'])).toEqual([['Q56226:Kim:coref']]);
    expect(await run(tab(2), 'b', ['Kim.'])).toEqual([[]]); // evicted, started over
    s.dropTab(1);
    expect(await run(tab(1), 'a', ['Kim.'])).toEqual([[]]);
  });

  it('starts a session over with the new matcher when the knowledge base changed', async () => {
    const { s, live, run } = sessions();
    await run(tab(1), 'a', ['Kim Jong-un.'], true);
    live.version = 'v2';
    live.matcher = compileMatcher([...TEST_FORMS, { ...TEST_FORMS[0]!, text: 'Quillon', entityId: 'Q77' }]);
    const answer = await s.recognize(tab(1), 'a', false, ['Kim and Quillon.']);
    expect(answer.version).toBe('v2');
    expect(decodeAnswer(answer, 1)[0]?.map((m) => m.entityId)).toEqual(['Q77']);
  });

  it('answers an empty batch with the version only, without opening a session', async () => {
    const { s } = sessions();
    expect(await s.recognize(tab(1), 'version', false, [])).toEqual({ version: 'v1', entities: [], mentions: [] });
    expect(s.size).toBe(0);
  });

  it('runs batches in the order they arrived even when the matcher answers late', async () => {
    let calls = 0;
    // The first lookup is the slowest: without the queue the second batch would overtake it.
    const s = new RecognitionSessions(
      () => new Promise((ok) => setTimeout(() => ok({ version: 'v1', matcher: v1 }), calls++ === 0 ? 30 : 0)),
    );
    const first = s.recognize(tab(1), 'a', true, ['Kim Jong-un.']);
    const second = s.recognize(tab(1), 'a', false, ['Kim again.']);
    const [, b] = await Promise.all([first, second]);
    expect(decodeAnswer(b, 1)[0]?.map((m) => m.via)).toEqual(['coref']);
  });
});

describe('parseRecognizeRequest', () => {
  it('accepts a session id, an optional reset flag and strings', () => {
    expect(parseRecognizeRequest({ session: 'abc', texts: ['x', ''] })).toEqual({ session: 'abc', reset: false, texts: ['x', ''] });
    expect(parseRecognizeRequest({ session: 'abc', reset: true, texts: [] }).reset).toBe(true);
  });

  it.each([
    ['no object', null],
    ['a string', 'Putin'],
    ['no session', { texts: [] }],
    ['an empty session', { session: '', texts: [] }],
    ['a long session', { session: 'x'.repeat(65), texts: [] }],
    ['a numeric session', { session: 7, texts: [] }],
    ['a bad reset', { session: 'a', reset: 'yes', texts: [] }],
    ['no texts', { session: 'a' }],
    ['texts not an array', { session: 'a', texts: 'Putin' }],
    ['a non-string text', { session: 'a', texts: ['Putin', 3] }],
    ['too many texts', { session: 'a', texts: Array.from({ length: MAX_TEXTS + 1 }, () => 'x') }],
    ['too much text', { session: 'a', texts: ['x'.repeat(MAX_CHARS / 2), 'x'.repeat(MAX_CHARS / 2 + 1)] }],
  ])('refuses %s', (_, payload) => {
    expect(() => parseRecognizeRequest(payload)).toThrow(TypeError);
  });
});
