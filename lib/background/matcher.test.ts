import { _resetForTests, getCachedMatcher, getKbVersion, importPack, putCachedMatcher, seedBundled } from '@/lib/kb/db';
import { entity, manyEntities, pack } from '@/lib/kb/test-entities';
import { compileMatcher, deserializeMatcher, MATCHER_FORMAT, recognize, serializeMatcher, type SerializedMatcher } from '@/lib/recognize';
import { _forgetMatcherForTests, matcherFor } from './matcher';

beforeEach(async () => {
  await _resetForTests();
  _forgetMatcherForTests();
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  await seedBundled({ version: '3', packs: [pack('core', manyEntities(3))] });
});

/** Entity ids the shipped matcher finds in `text`, restored as a page would. */
function ids(m: SerializedMatcher | null, text: string): string[] {
  if (!m) throw new Error('no matcher');
  return recognize(deserializeMatcher(JSON.parse(JSON.stringify(m)) as SerializedMatcher, { trusted: true }), text).map((x) => x.entityId);
}

describe('matcherFor', () => {
  it('compiles the live knowledge base once per version and caches it in IndexedDB', async () => {
    const first = await matcherFor(undefined);
    expect(first.version).toBe(await getKbVersion());
    expect(ids(first.matcher, 'Alias Q1 met Name Q3.')).toEqual(['Q1', 'Q3']);
    expect(await getCachedMatcher(first.version)).toEqual(first.matcher);
    const again = await matcherFor('older');
    expect(again.matcher).toBe(first.matcher);
  });

  it('answers null to a caller that has the live version', async () => {
    const { version } = await matcherFor(undefined);
    expect(await matcherFor(version)).toEqual({ version, matcher: null });
  });

  it('shares one build between concurrent callers', async () => {
    const [a, b] = await Promise.all([matcherFor(undefined), matcherFor(undefined)]);
    expect(a.matcher).not.toBeNull();
    expect(b.matcher).toBe(a.matcher);
  });

  it('after a restart, answers from IndexedDB instead of compiling', async () => {
    const version = await getKbVersion();
    // A cached matcher that differs from what compiling would give proves where it came from.
    const cached = serializeMatcher(
      compileMatcher([{ text: 'Sentinel', entityId: 'S', category: 'event', case: 'exact', kind: 'name', priority: 0 }]),
    );
    await putCachedMatcher(version, cached);
    expect(ids((await matcherFor(undefined)).matcher, 'Sentinel and Alias Q1')).toEqual(['S']);
  });

  it('recompiles when the cached matcher is of another format version or damaged', async () => {
    const version = await getKbVersion();
    const good = (await matcherFor(undefined)).matcher!;
    for (const bad of [{ ...good, version: MATCHER_FORMAT + 1 }, { ...good, checksum: good.checksum ^ 1 }]) {
      _forgetMatcherForTests();
      await putCachedMatcher(version, bad);
      const res = await matcherFor(undefined);
      expect(res.matcher).toEqual(good);
      expect(await getCachedMatcher(version)).toEqual(good);
    }
  });

  it('follows the knowledge base when a pack is imported', async () => {
    const before = await matcherFor(undefined);
    await importPack(pack('mine', [entity('Q77', { aliases: [{ text: 'Quillon', lang: 'en', case: 'exact', kind: 'name' }] })]));
    const after = await matcherFor(before.version);
    expect(after.version).not.toBe(before.version);
    expect(ids(after.matcher, 'Quillon and Alias Q2')).toEqual(['Q77', 'Q2']);
  });
});
