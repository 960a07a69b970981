import {
  _resetForTests,
  addNote,
  DB_VERSION,
  deleteNote,
  getCards,
  getKbInfo,
  getSurfaceForms,
  importNotes,
  importPack,
  listNotes,
  listNotesForEntity,
  listPacks,
  removePack,
  restoreNote,
  seedBundled,
  updateNote,
} from './db';
import type { Note, NoteInput } from '@/lib/notes/types';
import { entity, manyEntities, pack } from './test-entities';
import type { KbBundle } from './types';

beforeEach(() => _resetForTests());

const bundle = (version: string, n = 3, over = {}): KbBundle => ({ version, packs: [pack('core', manyEntities(n, 1, over))] });

const noteInput = (over: Partial<NoteInput> = {}): NoteInput => ({
  entityId: 'Q1',
  entityName: 'Name Q1',
  category: 'person',
  text: 'Met in Geneva',
  url: 'https://news.example/story',
  title: 'A story',
  quote: { exact: 'Name Q1', prefix: 'said ', suffix: ' on Monday' },
  ...over,
});

describe('seedBundled', () => {
  it('seeds once per version', async () => {
    expect(await seedBundled(bundle('1', 5))).toEqual({ seeded: true, entities: 5 });
    expect(await seedBundled(bundle('1', 5))).toEqual({ seeded: false, entities: 5 });
    expect((await getCards(['Q1', 'Q5', 'Q6'])).map((e) => e.id)).toEqual(['Q1', 'Q5']);
    expect((await getCards(['Q1']))[0]!.pack).toBe('core');
  });

  it('re-seeds on a version bump, replacing entities and leaving notes alone', async () => {
    await seedBundled(bundle('1', 5));
    const note = await addNote(noteInput());
    const before = await getSurfaceForms();
    expect(await seedBundled(bundle('2', 3, { description: 'v2' }))).toEqual({ seeded: true, entities: 3 });
    const after = await getSurfaceForms();
    expect(after.version).not.toBe(before.version);
    expect(await getCards(['Q4'])).toEqual([]);
    expect((await getCards(['Q2']))[0]!.description).toBe('v2');
    expect(await listNotes()).toEqual([note]);
    expect((await getKbInfo()).entities).toBe(3);
  });

  it('reports progress and keeps the old KB when interrupted', async () => {
    await seedBundled(bundle('1', 10));
    const progress: number[] = [];
    const big = bundle('2', 6000, { description: 'new' });
    await expect(
      seedBundled(big, {
        onProgress: (done, total) => {
          progress.push(done);
          expect(total).toBe(6000);
          if (done >= 5000) throw new Error('worker stopped');
        },
      }),
    ).rejects.toThrow('worker stopped');
    // Reported chunk by chunk, rising, and nothing after the throw.
    expect(progress.length).toBeGreaterThan(50);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.filter((d) => d >= 5000)).toHaveLength(1);
    const info = await getKbInfo();
    expect(info.entities).toBe(10);
    expect((await getCards(['Q1']))[0]!.description).toBe('Description of Q1');
    expect(await getCards(['Q11'])).toEqual([]);
    // The next attempt completes and the interrupted one does not leak in.
    const done: number[] = [];
    expect(await seedBundled(bundle('2', 20, { description: 'new' }), { onProgress: (d) => done.push(d) })).toEqual({ seeded: true, entities: 20 });
    expect(done.at(-1)).toBe(20);
    expect((await getKbInfo()).entities).toBe(20);
    expect((await getCards(['Q1']))[0]!.description).toBe('new');
    expect(await getCards(['Q4000'])).toEqual([]);
  });

  it('never shows a half-written knowledge base to readers during a re-seed', async () => {
    await seedBundled(bundle('1', 3000, { description: 'old' }));
    const ids = ['Q1', 'Q1500', 'Q2999'];
    const seen = new Set<string>();
    const seeding = seedBundled(bundle('2', 3000, { description: 'new' }));
    let finished = false;
    void seeding.then(() => (finished = true));
    while (!finished) {
      const cards = await getCards(ids);
      expect(cards).toHaveLength(3);
      seen.add(cards.map((c) => c.description).join(','));
    }
    expect(await seeding).toEqual({ seeded: true, entities: 3000 });
    expect(seen.size).toBeGreaterThan(0);
    for (const s of seen) expect(['old,old,old', 'new,new,new']).toContain(s);
    expect((await getCards(ids)).map((c) => c.description)).toEqual(['new', 'new', 'new']);
  });

  it('lets a later bundled pack override an earlier one and finds every entity', async () => {
    const packs = [pack('a', manyEntities(500, 1, { description: 'from a' })), pack('b', manyEntities(10, 491, { description: 'from b' }))];
    expect(await seedBundled({ version: '1', packs })).toEqual({ seeded: true, entities: 500 });
    const cards = await getCards(manyEntities(500).map((e) => e.id));
    expect(cards).toHaveLength(500);
    expect(cards.filter((c) => c.description === 'from b').map((c) => [c.id, c.pack])).toEqual(
      manyEntities(10, 491).map((e) => [e.id, 'b']),
    );
    expect((await getSurfaceForms()).forms).toHaveLength(1000);
  });

  it('loads lazily given packs only when the version is not live', async () => {
    const loadPacks = vi.fn(async () => [pack('core', manyEntities(3))]);
    expect(await seedBundled({ version: '1', loadPacks })).toEqual({ seeded: true, entities: 3 });
    expect(await seedBundled({ version: '1', loadPacks })).toEqual({ seeded: false, entities: 3 });
    expect(loadPacks).toHaveBeenCalledTimes(1);
  });

  it('lists bundled packs with their counts', async () => {
    await seedBundled({ version: '1', packs: [pack('core', manyEntities(4)), pack('places', manyEntities(2, 100), { licence: 'CC-BY-4.0' })] });
    const packs = await listPacks();
    expect(packs.map((p) => [p.id, p.bundled, p.entities, p.aliases, p.licence])).toEqual([
      ['core', true, 4, 4, 'CC0-1.0'],
      ['places', true, 2, 2, 'CC-BY-4.0'],
    ]);
    await seedBundled({ version: '2', packs: [pack('core', manyEntities(4))] });
    expect((await listPacks()).map((p) => p.id)).toEqual(['core']);
  });

  it('seeds 20k entities (timing printed)', async () => {
    const b = bundle('big', 20_000);
    const t0 = performance.now();
    await seedBundled(b);
    const seed = performance.now() - t0;
    const t1 = performance.now();
    const { forms } = await getSurfaceForms();
    const load = performance.now() - t1;
    expect(forms).toHaveLength(40_000);
    console.log(`fake-indexeddb: seed 20k entities ${seed.toFixed(0)} ms, forms ${load.toFixed(0)} ms`);
  }, 60_000);
});

describe('surface forms', () => {
  it('caches forms by version and sees pack changes', async () => {
    await seedBundled(bundle('1', 2));
    const a = await getSurfaceForms();
    expect(a.version).toBe('1');
    expect(await getSurfaceForms()).toEqual(a);
    expect((await getSurfaceForms()).forms).toBe(a.forms);
    await importPack(pack('mine', [entity('gloss:x', { aliases: [{ text: 'Geran-2', lang: 'en', case: 'fold', kind: 'name' }] })]));
    const b = await getSurfaceForms();
    expect(b.version).toBe('1+u1');
    expect(b.forms.filter((f) => f.entityId === 'gloss:x').map((f) => f.text)).toEqual(['Geran-2', 'Name gloss:x']);
    await removePack('mine');
    const c = await getSurfaceForms();
    expect(c.version).toBe('1+u2');
    expect(c.forms).toEqual(a.forms);
  });
});

describe('packs', () => {
  it('imports a pack whose entities override bundled ones; the newest pack wins', async () => {
    await seedBundled(bundle('1', 3));
    await importPack(pack('older', [entity('Q2', { description: 'from older' }), entity('Q9', { description: 'older only' })]));
    await importPack(pack('newer', [entity('Q2', { description: 'from newer' })]));
    const cards = await getCards(['Q1', 'Q2', 'Q9']);
    expect(cards.map((c) => [c.id, c.description, c.pack])).toEqual([
      ['Q1', 'Description of Q1', 'core'],
      ['Q2', 'from newer', 'newer'],
      ['Q9', 'older only', 'older'],
    ]);
    // Re-importing "older" makes it the most recent.
    await importPack(pack('older', [entity('Q2', { description: 'older again' })]));
    expect((await getCards(['Q2', 'Q9'])).map((c) => c.description)).toEqual(['older again']);
    const { forms, version } = await getSurfaceForms();
    expect(forms.filter((f) => f.entityId === 'Q2')).toHaveLength(2);
    expect(version).toBe('1+u3');
    expect((await listPacks()).map((p) => [p.id, p.seq])).toEqual([
      ['core', 0],
      ['older', 3],
      ['newer', 2],
    ]);
  });

  it('rejects bad packs before writing anything', async () => {
    await importPack(pack('p', [entity('Q1')]));
    const bad = pack('p', [entity('Q1', { description: 'changed' }), { ...entity('Q2'), category: 'robot' } as never]);
    await expect(importPack(bad)).rejects.toThrow(/entities\[1\] \(Q2\)\.category/);
    await expect(importPack(pack('p', [entity('Q1'), entity('Q1')]))).rejects.toThrow(/id Q1 is already used/);
    expect((await getCards(['Q1']))[0]!.description).toBe('Description of Q1');
    expect((await listPacks()).map((p) => p.seq)).toEqual([1]);
  });

  it('rejects a huge pack and a pack that would exceed the user alias budget', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => ({ text: `a${i}`, lang: 'en', case: 'exact' as const, kind: 'name' as const }));
    const huge = pack('huge', manyEntities(400, 1, { aliases }));
    await expect(importPack(huge)).rejects.toThrow(/200,000 aliases; the limit is 150,000/);
    await importPack(pack('a', manyEntities(280, 1, { aliases })));
    await importPack(pack('b', manyEntities(280, 1000, { aliases })));
    await expect(importPack(pack('c', manyEntities(60, 2000, { aliases })))).rejects.toThrow(/bring them to 310,000\. Remove a pack first/);
    // Replacing pack "a" itself does not count its old aliases twice.
    await importPack(pack('a', manyEntities(290, 1, { aliases })));
    expect((await listPacks()).map((p) => p.id)).toEqual(['a', 'b']);
  }, 20_000);

  it('replaces a pack atomically and keeps the old one when the import is interrupted', async () => {
    await importPack(pack('p', manyEntities(3, 1, { description: 'v1' })));
    const seen: number[] = [];
    await expect(
      importPack(pack('p', manyEntities(2500, 1, { description: 'v2' }), { version: '2' }), {
        onProgress: (done) => {
          seen.push(done);
          if (done === 2000) throw new Error('cancelled');
        },
      }),
    ).rejects.toThrow('cancelled');
    expect(seen).toEqual([1000, 2000]);
    expect((await getCards(['Q1', 'Q2000'])).map((c) => c.description)).toEqual(['v1']);
    expect((await listPacks())[0]).toMatchObject({ id: 'p', version: '1', entities: 3 });
    await importPack(pack('p', [entity('Q7')], { version: '3' }));
    expect(await getCards(['Q1', 'Q7'])).toHaveLength(1);
  });

  it('will not remove bundled packs or take their ids', async () => {
    await seedBundled(bundle('1', 2));
    await expect(removePack('core')).rejects.toThrow(/comes with Gloss and cannot be removed/);
    await expect(removePack('nope')).rejects.toThrow(/no pack "nope"/);
    await expect(importPack(pack('core', [entity('Q1')]))).rejects.toThrow(/bundled with Gloss/);
    expect((await getKbInfo()).entities).toBe(2);
  });

  it('reports kb info', async () => {
    await seedBundled(bundle('7', 3));
    await importPack(pack('extra', [entity('Q3'), entity('Q50')]));
    const info = await getKbInfo();
    expect(info).toMatchObject({ version: '7+u1', entities: 4, forms: 8 });
    expect(info.packs.map((p) => p.id)).toEqual(['core', 'extra']);
    expect(info.packs[1]!.importedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe('notes', () => {
  it('adds, updates, lists newest first, deletes and restores', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T12:00:00Z'));
    const a = await addNote(noteInput());
    vi.setSystemTime(new Date('2025-03-01T12:01:00Z'));
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.createdAt).toBe(a.updatedAt);
    const b = await addNote(noteInput({ entityId: 'Q2', text: 'second' }));
    expect((await listNotes()).map((n) => n.id)).toEqual([b.id, a.id]);
    vi.setSystemTime(new Date('2025-03-01T12:02:00Z'));
    const a2 = await updateNote(a.id, { text: 'edited' });
    vi.useRealTimers();
    expect(a2.text).toBe('edited');
    expect(a2.createdAt).toBe(a.createdAt);
    expect(a2.updatedAt).toBe('2025-03-01T12:02:00.000Z');
    expect((await listNotes()).map((n) => n.id)).toEqual([a.id, b.id]);
    expect(await listNotesForEntity('Q2')).toEqual([b]);
    const gone = await deleteNote(b.id);
    expect(gone).toEqual(b);
    expect(await deleteNote(b.id)).toBeUndefined();
    await restoreNote(gone!);
    expect(await listNotes()).toEqual([a2, b]);
    await expect(updateNote('missing', { text: 'x' })).rejects.toThrow(/no note missing/);
  });

  it('rejects invalid notes with the field named', async () => {
    await expect(addNote(noteInput({ category: 'robot' as never }))).rejects.toThrow(/The note is not valid: category/);
    expect(await listNotes()).toEqual([]);
  });

  it('imports idempotently and never lets an older copy win', async () => {
    const a = await addNote(noteInput());
    const b = await addNote(noteInput({ text: 'b' }));
    const exported = await listNotes();
    const fresh: Note = { ...a, id: 'imported-1' };
    expect(await importNotes([...exported, fresh])).toEqual({ added: 1, updated: 0, unchanged: 2 });
    expect(await importNotes([...exported, fresh])).toEqual({ added: 0, updated: 0, unchanged: 3 });
    const newer: Note = { ...b, text: 'newer text', updatedAt: new Date(Date.parse(b.updatedAt) + 60_000).toISOString() };
    const older: Note = { ...a, text: 'stale', updatedAt: '2000-01-01T00:00:00.000Z' };
    expect(await importNotes([newer, older])).toEqual({ added: 0, updated: 1, unchanged: 1 });
    const byId = new Map((await listNotes()).map((n) => [n.id, n]));
    expect(byId.get(b.id)!.text).toBe('newer text');
    expect(byId.get(a.id)!.text).toBe('Met in Geneva');
    expect(byId.size).toBe(3);
  });

  it('validates the whole import before writing', async () => {
    const ok = { ...(await addNote(noteInput())), id: 'x1' };
    await expect(importNotes([ok, { ...ok, id: 'x2', createdAt: 'yesterday' }])).rejects.toThrow(/Note 2: .*createdAt/);
    expect((await listNotes()).map((n) => n.id)).not.toContain('x1');
  });

  it('says storage is full and writes nothing when the quota is exceeded', async () => {
    const a = await addNote(noteInput());
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(addNote(noteInput({ text: 'lost' }))).rejects.toThrow(/^Storage is full: the note was not saved\./);
    await expect(updateNote(a.id, { text: 'lost' })).rejects.toThrow(/^Storage is full/);
    put.mockRestore();
    add.mockRestore();
    expect(await listNotes()).toEqual([a]);
  });

  it('rolls back an import whose later write fails', async () => {
    let calls = 0;
    const real = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 2) throw new DOMException('quota', 'QuotaExceededError');
      return real.apply(this, args);
    });
    const base = await addNote(noteInput());
    await expect(importNotes([{ ...base, id: 'n1' }, { ...base, id: 'n2' }])).rejects.toThrow(/Storage is full: the notes were not imported/);
    vi.restoreAllMocks();
    expect((await listNotes()).map((n) => n.id)).toEqual([base.id]);
  });
});

describe('schema upgrade', () => {
  it('keeps notes written by a version 1 database', async () => {
    const note: Note = {
      ...noteInput(),
      id: 'old-note',
      createdAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-02T10:00:00.000Z',
    };
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('gloss', 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        const notes = createV1Notes(db);
        db.createObjectStore('meta', { keyPath: 'key' });
        notes.put(note);
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error);
    });
    expect(await listNotes()).toEqual([note]);
    await seedBundled(bundle('1', 2));
    expect(await getCards(['Q1'])).toHaveLength(1);
    expect(await listNotesForEntity('Q1')).toEqual([note]);
  });
});

/** The notes store as schema version 1 created it (versions 2 and 3 kept it unchanged). */
function createV1Notes(db: IDBDatabase): IDBObjectStore {
  const notes = db.createObjectStore('notes', { keyPath: 'id' });
  notes.createIndex('entityId', 'entityId');
  notes.createIndex('url', 'url');
  notes.createIndex('updatedAt', 'updatedAt');
  return notes;
}

/** Writes a database as schema version 2 left it; `fill` adds records in its upgrade. */
function versionTwoDb(fill: (stores: Record<'notes' | 'meta' | 'entities' | 'packs' | 'userEntities', IDBObjectStore>) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = indexedDB.open('gloss', 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      const notes = createV1Notes(db);
      const userEntities = db.createObjectStore('userEntities', { keyPath: ['pack', 'id'] });
      userEntities.createIndex('id', 'id');
      fill({
        notes,
        meta: db.createObjectStore('meta', { keyPath: 'key' }),
        entities: db.createObjectStore('entities'),
        packs: db.createObjectStore('packs', { keyPath: 'id' }),
        userEntities,
      });
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('schema upgrade to chunks', () => {
  it('keeps a version 2 knowledge base readable, with its notes and packs', async () => {
    const note: Note = { ...noteInput(), id: 'v2-note', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    const packInfo = { id: 'core', name: 'Pack core', version: '1', licence: 'CC0-1.0', attribution: 'Test data', bundled: true, entities: 2, aliases: 2, importedAt: '2025-01-01T00:00:00.000Z', seq: 0 };
    await versionTwoDb((s) => {
      s.meta.put({ key: 'state', bundledVersion: 'v2kb', generation: 4, bundledEntities: 2, userRev: 0 });
      // The live generation (4) and a leftover of an older one (3), which must not come back.
      for (const e of manyEntities(2, 1, { pack: 'core' })) s.entities.put(e, [4, e.id]);
      s.entities.put(entity('Q9', { pack: 'core' }), [3, 'Q9']);
      s.packs.put(packInfo);
      s.notes.put(note);
    });
    expect((await getCards(['Q1', 'Q2', 'Q9'])).map((e) => [e.id, e.pack])).toEqual([
      ['Q1', 'core'],
      ['Q2', 'core'],
    ]);
    expect((await getSurfaceForms()).forms.map((f) => f.text)).toEqual(['Alias Q1', 'Name Q1', 'Alias Q2', 'Name Q2']);
    expect(await listNotes()).toEqual([note]);
    expect(await listPacks()).toEqual([packInfo]);
    expect(await seedBundled(bundle('v2kb', 2))).toEqual({ seeded: false, entities: 2 });
    expect(await seedBundled(bundle('v3kb', 3, { description: 'v3' }))).toEqual({ seeded: true, entities: 3 });
    expect((await getCards(['Q1', 'Q3'])).map((e) => e.description)).toEqual(['v3', 'v3']);
    expect(await listNotes()).toEqual([note]);
  });

  it('seeds again when a version 2 database recorded a version but holds no entities for it', async () => {
    await versionTwoDb((s) => s.meta.put({ key: 'state', bundledVersion: 'v1', generation: 2, bundledEntities: 5, userRev: 0 }));
    expect(await seedBundled(bundle('v1', 2))).toEqual({ seeded: true, entities: 2 });
    expect((await getCards(['Q1', 'Q2'])).map((e) => e.id)).toEqual(['Q1', 'Q2']);
  });

  it('upgrades a version 2 database that was never seeded but holds a user pack', async () => {
    await versionTwoDb((s) => {
      // What importPack wrote before any seed: the empty state plus a revision.
      s.meta.put({ key: 'state', bundledVersion: '', generation: 0, bundledEntities: 0, userRev: 1 });
      s.packs.put({ id: 'mine', name: 'Mine', version: '1', licence: 'CC0-1.0', attribution: 'me', bundled: false, entities: 1, aliases: 1, importedAt: '2025-01-01T00:00:00.000Z', seq: 1 });
      s.userEntities.put(entity('gloss:mine', { pack: 'mine' }));
    });
    expect((await getCards(['Q1', 'gloss:mine'])).map((e) => e.id)).toEqual(['gloss:mine']);
    expect(await seedBundled(bundle('1', 2))).toEqual({ seeded: true, entities: 2 });
    expect((await getCards(['Q1', 'gloss:mine'])).map((e) => e.id)).toEqual(['Q1', 'gloss:mine']);
    expect((await getSurfaceForms()).version).toBe('1+u1');
  });
});

describe('connection', () => {
  it('closes for a newer version instead of blocking it', async () => {
    await addNote(noteInput());
    const blocked = vi.fn();
    const version = await new Promise<number>((resolve, reject) => {
      const req = indexedDB.open('gloss', DB_VERSION + 1);
      req.onblocked = blocked;
      req.onsuccess = () => {
        const v = req.result.version;
        req.result.close();
        resolve(v);
      };
      req.onerror = () => reject(req.error);
    });
    expect(version).toBe(DB_VERSION + 1);
    expect(blocked).not.toHaveBeenCalled();
  });

  it('orders an edit after the original even within the same millisecond', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T12:00:00Z'));
    const a = await addNote(noteInput());
    const b = await updateNote(a.id, { text: 'quick fix' });
    vi.useRealTimers();
    expect(b.updatedAt).toBe('2025-03-01T12:00:00.001Z');
  });
});
