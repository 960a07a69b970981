import { _resetForTests, getCachedMatcher, getKbInfo, getKbVersion, getSurfaceForms, importPack, putCachedMatcher, seedBundled } from './db';
import { compileMatcher, serializeMatcher } from '@/lib/recognize';
import { entity, manyEntities, pack } from './test-entities';

beforeEach(() => _resetForTests());

const blob = (text: string) => serializeMatcher(compileMatcher([{ text, entityId: 'Q1', category: 'person', case: 'exact', kind: 'name', priority: 0 }]));

describe('getKbVersion', () => {
  it('is the version getSurfaceForms reports, and follows pack imports', async () => {
    expect(await getKbVersion()).toBe((await getSurfaceForms()).version);
    await seedBundled({ version: '7', packs: [pack('core', manyEntities(3))] });
    const seeded = await getKbVersion();
    expect(seeded).toBe((await getSurfaceForms()).version);
    await importPack(pack('mine', [entity('Q77')]));
    expect(await getKbVersion()).not.toBe(seeded);
    expect(await getKbVersion()).toBe((await getSurfaceForms()).version);
  });
});

describe('the matcher cache', () => {
  it('returns the matcher stored for a version, nothing for another one', async () => {
    await seedBundled({ version: '7', packs: [pack('core', manyEntities(3))] });
    const version = await getKbVersion();
    expect(await getCachedMatcher(version)).toBeUndefined();
    await putCachedMatcher(version, blob('Alpha'));
    expect(await getCachedMatcher(version)).toEqual(blob('Alpha'));
    expect(await getCachedMatcher(`${version}+u1`)).toBeUndefined();
    // One slot: a new version replaces the old one.
    await putCachedMatcher('other', blob('Beta'));
    expect(await getCachedMatcher(version)).toBeUndefined();
    expect(await getCachedMatcher('other')).toEqual(blob('Beta'));
  });

  it('shares the meta store without disturbing the knowledge-base state', async () => {
    await seedBundled({ version: '7', packs: [pack('core', manyEntities(3))] });
    await putCachedMatcher(await getKbVersion(), blob('Alpha'));
    expect(await seedBundled({ version: '7', packs: [pack('core', manyEntities(3))] })).toEqual({ seeded: false, entities: 3 });
    expect((await getKbInfo()).entities).toBe(3);
  });
});
