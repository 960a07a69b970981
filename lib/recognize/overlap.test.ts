import { describe, expect, it } from 'vitest';
import { compileMatcher, recognize } from './index.ts';
import { form, found } from './test-util.ts';

const place = { category: 'place' as const };
const org = { category: 'organization' as const };

describe('longest match and overlaps', () => {
  const m = compileMatcher([
    form('Kim Jong-un', 'kju'), form('Kim Jong-il', 'kji'), form('Kim Il-sung', 'kis'),
    form('38 North', '38n', org), form('North', 'north-x', { ...place, kind: 'short' }),
    form('Russia', 'russia', place), form('Russian', 'russia', { ...place, kind: 'demonym' }),
    form('Security Council', 'unsc', org), form('Russian Security Council', 'rsc', org),
    form('Pyongyang', 'pyongyang', place), form('Pyongyang Sunan International Airport', 'fnj', place),
    form('Sunan', 'sunan', place),
  ]);

  it('tells similar names apart', () => {
    expect(found(m, 'Kim Jong-il, Kim Jong-un and Kim Il-sung')).toEqual(['Kim Jong-il=kji', 'Kim Jong-un=kju', 'Kim Il-sung=kis']);
    expect(found(m, 'Kim Jong-ik')).toEqual([]);
  });

  it('prefers the longest match', () => {
    expect(found(m, 'analysts at 38 North said')).toEqual(['38 North=38n']);
    expect(found(m, 'the Russian Security Council met')).toEqual(['Russian Security Council=rsc']);
    expect(found(m, 'a Russian proposal at the Security Council')).toEqual(['Russian=russia', 'Security Council=unsc']);
    expect(found(m, 'Pyongyang Sunan International Airport, Pyongyang')).toEqual([
      'Pyongyang Sunan International Airport=fnj', 'Pyongyang=pyongyang',
    ]);
  });

  it('falls back to shorter names when the longer one is incomplete', () => {
    expect(found(m, 'Pyongyang Sunan airport')).toEqual(['Pyongyang=pyongyang', 'Sunan=sunan']);
  });

  it('returns ordered, non-overlapping mentions', () => {
    const xs = recognize(m, 'Russian Security Council and Security Council and Russia and 38 North');
    for (let i = 1; i < xs.length; i++) expect(xs[i]!.start).toBeGreaterThanOrEqual(xs[i - 1]!.end);
    expect(xs).toHaveLength(4);
  });

  it('lets a demonym lose a same-length overlap', () => {
    const d = compileMatcher([
      form('Chinese', 'china', { ...place, kind: 'demonym' }), form('Chinese', 'zh-lang', { category: 'event' }),
      form('Korean', 'korea', { ...place, kind: 'demonym' }), form('Korean Air', 'ke', org), form('South Korean', 'sk', { ...place, kind: 'demonym' }),
    ]);
    expect(found(d, 'in Chinese')).toEqual(['Chinese=zh-lang']);
    expect(found(d, 'flew Korean Air')).toEqual(['Korean Air=ke']);
  });
});
