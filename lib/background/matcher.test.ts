import { _resetForTests, getCachedMatcher, getKbVersion, importPack, putCachedMatcher, seedBundled } from '@/lib/kb/db';
import { entity, manyEntities, pack } from '@/lib/kb/test-entities';
import { compileMatcher, deserializeMatcher, MATCHER_FORMAT, recognize, serializeMatcher, type Matcher } from '@/lib/recognize';
import { _forgetMatcherForTests, liveMatcher } from './matcher';

beforeEach(async () => {
  await _resetForTests();
  _forgetMatcherForTests();
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  await seedBundled({ version: '3', packs: [pack('core', manyEntities(3))] });
});

const ids = (m: Matcher, text: string) => recognize(m, text).map((x) => x.entityId);

describe('liveMatcher', () => {
  it('compiles the live knowledge base once per version and caches it serialized in IndexedDB', async () => {
    const first = await liveMatcher();
    expect(first.version).toBe(await getKbVersion());
    expect(ids(first.matcher, 'Alias Q1 met Name Q3.')).toEqual(['Q1', 'Q3']);
    const stored = await getCachedMatcher(first.version);
    expect(stored && ids(deserializeMatcher(stored), 'Name Q2')).toEqual(['Q2']);
    expect((await liveMatcher()).matcher).toBe(first.matcher);
  });

  it('shares one build between concurrent callers', async () => {
    const [a, b] = await Promise.all([liveMatcher(), liveMatcher()]);
    expect(b.matcher).toBe(a.matcher);
  });

  it('after a restart, restores from IndexedDB instead of compiling', async () => {
    const version = await getKbVersion();
    // A cached matcher that differs from what compiling would give proves where it came from.
    const cached = serializeMatcher(
      compileMatcher([{ text: 'Sentinel', entityId: 'S', category: 'event', case: 'exact', kind: 'name', priority: 0 }]),
    );
    await putCachedMatcher(version, cached);
    expect(ids((await liveMatcher()).matcher, 'Sentinel and Alias Q1')).toEqual(['S']);
  });

  it('recompiles when the cached matcher is of another format version or damaged', async () => {
    const version = await getKbVersion();
    const good = (await getCachedMatcher(version)) ?? (await liveMatcher(), await getCachedMatcher(version));
    if (!good) throw new Error('nothing cached');
    for (const bad of [{ ...good, version: MATCHER_FORMAT + 1 }, { ...good, checksum: good.checksum ^ 1 }]) {
      _forgetMatcherForTests();
      await putCachedMatcher(version, bad);
      const res = await liveMatcher();
      expect(ids(res.matcher, 'Alias Q1')).toEqual(['Q1']);
      expect(await getCachedMatcher(version)).toEqual(good);
    }
  });

  it('follows the knowledge base when a pack is imported', async () => {
    const before = await liveMatcher();
    await importPack(pack('mine', [entity('Q77', { aliases: [{ text: 'Quillon', lang: 'en', case: 'exact', kind: 'name' }] })]));
    const after = await liveMatcher();
    expect(after.version).not.toBe(before.version);
    expect(ids(after.matcher, 'Quillon and Alias Q2')).toEqual(['Q77', 'Q2']);
    expect(ids(before.matcher, 'Quillon')).toEqual([]);
  });
});
