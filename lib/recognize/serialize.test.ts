import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity } from '@/lib/kb/schema';
import { formsFromEntities } from '@/lib/kb/forms';
import { decodeBase64, encodeBase64 } from './base64.ts';
import {
  compileMatcher, createDocumentRecognizer, deserializeMatcher, type Matcher, MATCHER_FORMAT, type SerializedMatcher,
  SerializedMatcherError, serializeMatcher, type SurfaceForm,
} from './index.ts';
import type { CompiledMatcher } from './compile.ts';
import { form } from './test-util.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The bundled knowledge base's forms, as the background builds them (empty if not built). */
function kbForms(): SurfaceForm[] {
  const index = join(ROOT, 'public/kb/index.json');
  if (!existsSync(index)) return [];
  const { packs } = JSON.parse(readFileSync(index, 'utf8')) as { packs: { id: string; file: string }[] };
  const entities = packs.flatMap((p) =>
    (JSON.parse(readFileSync(join(ROOT, 'public/kb', p.file), 'utf8')) as { entities: Entity[] }).entities.map((e) => ({ ...e, pack: p.id })),
  );
  return formsFromEntities(entities);
}

/** Plain text of the demo article and the seed news pages (read, never copied). */
function pageTexts(): string[] {
  const files = [join(ROOT, 'demo/article.html')];
  const shared = join(ROOT, '../shared/fixtures/pages');
  if (existsSync(shared)) for (const f of readdirSync(shared)) if (f.endsWith('.html')) files.push(join(shared, f));
  return files
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, 'utf8').replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '));
}

/** Sentences naming a sample of the forms, as written and in other cases. */
function formSentences(forms: readonly SurfaceForm[], every: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < forms.length; i += every) {
    const t = forms[i]!.text;
    out.push(`Officials said ${t} had met ${forms[(i * 31) % forms.length]!.text}'s envoy.`, `${t.toUpperCase()} — ${t.toLowerCase()}s, (${t}).`);
  }
  return out;
}

/** Every mention of every text, fed as one document (coreference state included). */
function run(m: Matcher, texts: readonly string[]): unknown {
  const doc = createDocumentRecognizer(m);
  return { mentions: texts.map((t) => doc.feed(t)), seen: [...doc.seen()] };
}

/** Through JSON, as extension messaging and storage would carry it. */
function shipped(m: Matcher): SerializedMatcher {
  return JSON.parse(JSON.stringify(serializeMatcher(m))) as SerializedMatcher;
}

const TEST_FORMS = [
  form('Kim Jong-un', 'kju'), form('Kim', 'kju', { kind: 'surname' }), form('Kim Yo-jong', 'kyj'), form('Kim', 'kyj', { kind: 'surname' }),
  form('Putin', 'putin'), form('Shahed', 'sh', { category: 'weapon' }), form('Geran-2', 'g2', { category: 'weapon' }),
  form('Iran', 'iran', { category: 'place', case: 'fold' }), form('Iranian', 'iran', { category: 'place', kind: 'demonym' }),
  form('U.S.', 'us', { category: 'place' }), form('US', 'us', { category: 'place', kind: 'acronym' }), form('AT&T', 'att', { category: 'organization' }),
  form('38 North', '38n', { category: 'organization' }), form('金正恩', 'kju'), form('서울', 'seoul', { category: 'place' }),
  form('Зеленский', 'zel'), form('Киев', 'kyiv', { category: 'place' }), form('プーチン', 'putin'), form('Nicolás Maduro', 'nm'),
  form('Park', 'park-a', { kind: 'surname' }), form('Park Geun-hye', 'park-a'), form('Georgia', 'ga-us', { category: 'place', priority: 1 }),
  form('Georgia', 'ga-country', { category: 'place' }),
];
const TEST_TEXTS = [
  'Kim Jong-un met Putin. Kim then left; Kim Yo-jong stayed. Kim spoke.', 'The US and the U.S. — LET US PRAY. AT&T, 38 North.',
  'Shaheds and Geran-2s hit Киеве; Зеленским спорили. 서울에서 金正恩 und プーチン.', 'Iranian drones over Iran; IRAN. Nicolás Maduro, NICOLÁS MADURO.',
  'Park Geun-hye ... Park. Georgia voted.', '',
];

describe('serializeMatcher / deserializeMatcher', () => {
  it('produces JSON-safe data that restores a matcher finding exactly the same mentions', () => {
    const m = compileMatcher(TEST_FORMS);
    const s = serializeMatcher(m);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s).toMatchObject({ format: 'gloss-matcher', version: MATCHER_FORMAT, formCount: m.formCount });
    const expected = run(m, TEST_TEXTS);
    expect(JSON.stringify(expected)).toContain('"via":"coref"');
    for (const trusted of [false, true]) {
      const r = deserializeMatcher(shipped(m), { trusted });
      expect(r.formCount).toBe(m.formCount);
      expect(run(r, TEST_TEXTS)).toEqual(expected);
    }
  });

  const forms = kbForms();
  it.skipIf(forms.length === 0)('round-trips the bundled knowledge base (news pages, every form in sentences)', () => {
    const m = compileMatcher(forms);
    const r = deserializeMatcher(shipped(m));
    const texts = [...pageTexts(), ...formSentences(forms, 3)];
    const expected = run(m, texts);
    const count = (x: unknown) => (x as { mentions: unknown[][] }).mentions.reduce((n, xs) => n + xs.length, 0);
    expect(count(expected)).toBeGreaterThan(forms.length / 3);
    expect(run(r, texts)).toEqual(expected);
    // Serializing the restored matcher gives the same data again.
    expect(serializeMatcher(r)).toEqual(serializeMatcher(m));
  });

  it('round-trips an empty matcher', () => {
    const r = deserializeMatcher(shipped(compileMatcher([])));
    expect(r.formCount).toBe(0);
    expect(run(r, TEST_TEXTS)).toEqual(run(compileMatcher([]), TEST_TEXTS));
  });
});

describe('deserializeMatcher rejects stale or damaged data', () => {
  const good = serializeMatcher(compileMatcher(TEST_FORMS));
  const restore = (s: unknown, trusted = false) => () => deserializeMatcher(s as SerializedMatcher, { trusted });

  it('names the version when the format is another one', () => {
    for (const trusted of [false, true]) {
      expect(restore({ ...good, version: MATCHER_FORMAT - 1 }, trusted)).toThrow(SerializedMatcherError);
      expect(restore({ ...good, version: MATCHER_FORMAT - 1 }, trusted)).toThrow(`format version ${MATCHER_FORMAT - 1}`);
    }
  });

  it('refuses what is not a serialized matcher', () => {
    for (const x of [null, 'x', 42, {}, { ...good, format: 'other' }, { version: MATCHER_FORMAT }]) {
      expect(restore(x), JSON.stringify(x)).toThrow('not a serialized matcher');
    }
  });

  it('refuses truncated, mislabelled or mis-sized data even when trusted', () => {
    const bytes = decodeBase64(good.data);
    const cases = [
      { ...good, data: encodeBase64(bytes.subarray(0, bytes.length - 4)) },
      { ...good, data: good.data.slice(0, -1) },
      { ...good, layout: good.layout.slice(2) },
      { ...good, layout: good.layout.map((x, i) => (i === 0 ? 3 : x)) },
      { ...good, formTexts: good.formTexts.slice(1) },
      { ...good, entityIds: 'kju' },
    ];
    for (const s of cases) expect(restore(s, true)).toThrow(SerializedMatcherError);
  });

  it('catches flipped bits by the checksum, and bad indexes behind a valid checksum', () => {
    const bytes = decodeBase64(good.data);
    const flipped = bytes.slice();
    flipped[bytes.length >> 1]! ^= 4;
    expect(restore({ ...good, data: encodeBase64(flipped) })).toThrow('checksum');
    // Damage that a checksum cannot see (it is computed over the damaged arrays): an entry
    // list pointing forward (would loop for ever), an entity index out of range.
    const loop = compileMatcher(TEST_FORMS) as unknown as CompiledMatcher;
    loop.entryNext[0] = loop.entryNext.length - 1;
    expect(restore(serializeMatcher(loop))).toThrow('entryNext');
    const far = compileMatcher(TEST_FORMS) as unknown as CompiledMatcher;
    far.entryEntity[3] = far.entityIds.length;
    expect(restore(serializeMatcher(far))).toThrow('entries');
    // Trusted restoring skips these per-element checks by design.
    expect(restore(serializeMatcher(far), true)).not.toThrow();
  });

  it('keeps the entity ids and form texts as given (no JSON escaping surprises)', () => {
    const odd = [form('Nicolás "Nico" \\ Maduro', 'q\u2028"x"'), form('Ｎｉｃｏ', 'e\u00e9')];
    const m = compileMatcher(odd);
    const r = deserializeMatcher(shipped(m));
    expect(run(r, ['Nicolás "Nico" \\ Maduro and Ｎｉｃｏ.'])).toEqual(run(m, ['Nicolás "Nico" \\ Maduro and Ｎｉｃｏ.']));
  });
});
