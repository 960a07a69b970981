import { PACK_LIMITS, PackError, parsePackFile, parsePackText, validatePack } from './packs';
import { entity, manyEntities, pack } from './test-entities';

const good = pack('osint', [entity('Q1'), entity('gloss:thing', { category: 'weapon' })]);

function jsonl(p = good): string {
  const { entities, ...meta } = p;
  return [JSON.stringify(meta), ...entities.map((e) => JSON.stringify(e))].join('\n') + '\n';
}

function errorOf(fn: () => unknown): PackError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PackError) return e;
    throw e;
  }
  throw new Error('expected a PackError');
}

describe('parsePackText', () => {
  it('reads a JSON pack and fills in defaults', () => {
    const minimal = { ...good, entities: [{ id: 'Q9', category: 'place', name: 'Kursk', description: 'City in Russia', aliases: [{ text: 'Kursk', lang: 'en' }] }] };
    const p = parsePackText(JSON.stringify(minimal), 'p.json');
    expect(p.id).toBe('osint');
    expect(p.entities[0]).toMatchObject({ id: 'Q9', summary: '', facts: [], priority: 0, aliases: [{ text: 'Kursk', lang: 'en', case: 'exact', kind: 'name' }] });
  });

  it('reads JSON Lines by file name and by content, skipping blank lines and CRLF', () => {
    expect(parsePackText(jsonl(), 'p.jsonl')).toEqual(good);
    expect(parsePackText(jsonl().replace(/\n/g, '\r\n') + '\n\n')).toEqual(good);
  });

  it('reports truncated JSON as such', () => {
    const text = JSON.stringify(good);
    const err = errorOf(() => parsePackText(text.slice(0, text.length - 20), 'cut.json'));
    expect(err.message).toMatch(/^cut\.json: the JSON ends early/);
  });

  it('reports a syntax error with its line', () => {
    const err = errorOf(() => parsePackText('{\n  "format": 1,\n  "id": oops\n}', 'bad.json'));
    expect(err.message).toBe('bad.json: not valid JSON at line 3, column 9');
  });

  it('names the field and entity of a wrong type', () => {
    const bad = structuredClone(good) as unknown as { entities: Record<string, unknown>[] };
    bad.entities[1]!.category = 'animal';
    (bad.entities[0]!.aliases as Record<string, unknown>[])[0]!.lang = 42;
    const err = errorOf(() => parsePackText(JSON.stringify(bad)));
    expect(err.problems).toHaveLength(2);
    expect(err.problems.join('\n')).toMatch(/entities\[0\] \(Q1\)\.aliases\[0\]\.lang/);
    expect(err.problems.join('\n')).toMatch(/entities\[1\] \(gloss:thing\)\.category/);
  });

  it('names the JSON Lines line of a bad entity or bad JSON', () => {
    const lines = jsonl().split('\n');
    lines[2] = lines[2]!.replace('"weapon"', '"robot"');
    let err = errorOf(() => parsePackText(lines.join('\n'), 'p.jsonl'));
    expect(err.problems[0]).toMatch(/^line 3 \(gloss:thing\): category/);
    lines[2] = '{"id": "Q2",';
    err = errorOf(() => parsePackText(lines.join('\n'), 'p.jsonl'));
    expect(err.problems[0]).toMatch(/^line 3: the JSON ends early/);
  });

  it('rejects a JSON Lines header that holds entities or is not a header', () => {
    expect(() => parsePackText(JSON.stringify(good) + '\n', 'p.jsonl')).toThrow(/must not hold "entities"/);
    expect(() => parsePackText(JSON.stringify(entity('Q1')) + '\n', 'p.jsonl')).toThrow(/header \(line 1\) is not valid/);
  });

  it('keeps HTML in fields as a plain string', () => {
    const html = '<img src=x onerror="alert(1)"><b>Kursk</b>';
    const p = parsePackText(JSON.stringify(pack('x', [entity('Q1', { description: html })])));
    expect(p.entities[0]!.description).toBe(html);
  });

  it('drops unknown fields, including __proto__ keys', () => {
    const text = JSON.stringify(good).replace('"format":1', '"format":1,"__proto__":{"polluted":true},"extra":1');
    const p = parsePackText(text) as unknown as Record<string, unknown>;
    expect(p.extra).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(p, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects duplicate ids in JSON and JSON Lines', () => {
    const dup = pack('d', [entity('Q1'), entity('Q2'), entity('Q1')]);
    expect(errorOf(() => parsePackText(JSON.stringify(dup))).problems).toEqual(['entity 3: id Q1 is already used by entity 1']);
    expect(() => parsePackText(jsonl(dup), 'd.jsonl')).toThrow(/id Q1 is already used/);
  });

  it('rejects over-long strings', () => {
    const long = pack('l', [entity('Q1', { name: 'x'.repeat(201) })]);
    expect(() => parsePackText(JSON.stringify(long))).toThrow(/entities\[0\] \(Q1\)\.name: Invalid length/);
    const longAlias = pack('l', [entity('Q1', { aliases: [{ text: 'y'.repeat(201), lang: 'en', case: 'exact', kind: 'name' }] })]);
    expect(() => parsePackText(JSON.stringify(longAlias))).toThrow(/aliases\[0\]\.text/);
  });

  it('rejects files that are empty or too big', () => {
    expect(() => parsePackText('  \n')).toThrow(/empty/);
    expect(() => parsePackText(' '.repeat(PACK_LIMITS.maxBytes + 1))).toThrow(/larger than 50 MB/);
  });

  it('rejects too many entities or aliases before validating them', () => {
    const aliases = Array.from({ length: 500 }, (_, i) => ({ text: `a${i}`, lang: 'en' }));
    // 400 entities x 500 aliases = 200k aliases, over the 150k limit.
    const big = { ...good, entities: Array.from({ length: 400 }, (_, i) => ({ id: `Q${i + 1}`, aliases })) };
    expect(() => validatePack(big)).toThrow(/200,000 aliases; the limit is 150,000/);
    const lines = [jsonl(pack('b', [])).trim(), ...big.entities.map((e) => JSON.stringify({ ...entity(e.id), aliases }))];
    expect(() => parsePackText(lines.join('\n'), 'b.jsonl')).toThrow(/more than 150,000 aliases/);
    const many = { ...good, entities: new Array(PACK_LIMITS.maxEntities + 1).fill(null) };
    expect(() => validatePack(many)).toThrow(/100,001 entities; the limit is 100,000/);
  });

  it('accepts a pack at a realistic size', () => {
    const p = pack('big', manyEntities(5000));
    expect(parsePackText(jsonl(p), 'big.jsonl').entities).toHaveLength(5000);
  });
});

describe('parsePackFile', () => {
  it('streams the file, reports byte progress and parses it', async () => {
    const text = jsonl(pack('f', manyEntities(2000)));
    const file = new File([text], 'f.jsonl');
    const seen: number[] = [];
    const p = await parsePackFile(file, (loaded, total) => {
      expect(total).toBe(file.size);
      seen.push(loaded);
    });
    expect(p.entities).toHaveLength(2000);
    expect(seen.at(-1)).toBe(file.size);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('uses the file name in errors and rejects non-UTF-8 bytes', async () => {
    await expect(parsePackFile(new File(['{"format":'], 'x.json'))).rejects.toThrow(/^x\.json: the JSON ends early/);
    await expect(parsePackFile(new File([new Uint8Array([0x7b, 0xff, 0xfe])], 'bin.json'))).rejects.toThrow(/not UTF-8/);
  });
});

describe('validated packs', () => {
  it('are frozen, and validating them again is free but still safe', () => {
    const p = parsePackText(JSON.stringify(good));
    expect(Object.isFrozen(p.entities[0]!.aliases[0])).toBe(true);
    expect(() => (p.entities as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(validatePack(p)).toBe(p);
    // A copy is a new object: validated in full.
    const copy = structuredClone(p) as unknown as { entities: { category: string }[] };
    copy.entities[0]!.category = 'robot';
    expect(() => validatePack(copy)).toThrow(/category/);
  });
});
