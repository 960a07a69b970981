import { jsonErrorOffset } from './json-position';

describe('jsonErrorOffset', () => {
  it('returns -1 for valid JSON of every kind', () => {
    for (const t of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"s"', '0']) {
      expect(JSON.parse(t) !== undefined && jsonErrorOffset(t)).toBe(-1);
    }
  });

  it('points at the first bad character', () => {
    expect(jsonErrorOffset('{"a": oops}')).toBe(6);
    expect(jsonErrorOffset('[1, 2,]')).toBe(6);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": "b\\q"}')).toBe(9);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
  });

  it('points at the end of truncated input', () => {
    expect(jsonErrorOffset('{"a": [1, 2')).toBe(11);
    expect(jsonErrorOffset('{"a": "unterminated')).toBe(19);
  });

  it('survives absurd nesting', () => {
    expect(jsonErrorOffset('['.repeat(5000))).toBeGreaterThan(0);
  });
});
