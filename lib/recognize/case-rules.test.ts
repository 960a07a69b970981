import { describe, expect, it } from 'vitest';
import { compileMatcher } from './index.ts';
import { form, found } from './test-util.ts';

const place = { category: 'place' as const };
const org = { category: 'organization' as const };

describe('case rules', () => {
  const m = compileMatcher([
    form('US', 'usa', { ...place, kind: 'acronym' }), form('AP', 'ap', { ...org, kind: 'acronym' }),
    form('IS', 'isis', { ...org, kind: 'acronym' }), form('China', 'china', place), form('Park', 'park-gh', { kind: 'short' }),
    form('Foreign Policy', 'fp', org), form('Yonhap', 'yonhap', org), form('Kyiv', 'kyiv', { ...place, case: 'fold' }),
    form('cold war', 'cold-war', { category: 'event', case: 'fold' }), form('Nicolás Maduro', 'maduro'), form('Kim Jong-un', 'kju'),
  ]);

  it('matches exact forms only as written', () => {
    expect(found(m, 'let us go, ap style, fine china, a park, foreign policy')).toEqual([]);
    expect(found(m, 'The US and AP reported that China and Park read Foreign Policy.')).toEqual([
      'US=usa', 'AP=ap', 'China=china', 'Park=park-gh', 'Foreign Policy=fp',
    ]);
    expect(found(m, 'Us and Ap and cHINA')).toEqual([]);
  });

  it('accepts the ALL-CAPS rendering of exact forms with 4+ letters', () => {
    expect(found(m, 'SEOUL (YONHAP) -- CHINA and FOREIGN POLICY')).toEqual(['YONHAP=yonhap', 'CHINA=china', 'FOREIGN POLICY=fp']);
    expect(found(m, 'NICOLÁS MADURO and KIM JONG-UN')).toEqual(['NICOLÁS MADURO=maduro', 'KIM JONG-UN=kju']);
    expect(found(m, 'YonHap')).toEqual([]);
  });

  it('checks case after diacritic and dash normalization', () => {
    expect(found(m, 'Nicolas Maduro and Kim Jong Un and Kim Jong–un')).toEqual([
      'Nicolas Maduro=maduro', 'Kim Jong Un=kju', 'Kim Jong–un=kju',
    ]);
    expect(found(m, 'nicolas maduro and kim jong un')).toEqual([]);
  });

  it('allows sentence capitalization of a form that starts in lower case', () => {
    const al = compileMatcher([form('al-Assad', 'assad'), form('de Mistura', 'dm')]);
    expect(found(al, 'Al-Assad fled. De Mistura said, as did al-Assad.')).toEqual(['Al-Assad=assad', 'De Mistura=dm', 'al-Assad=assad']);
    expect(found(al, 'AL-assad and de mistura')).toEqual([]);
  });

  it('matches fold forms in any case', () => {
    expect(found(m, 'KYIV, kyiv, Kyiv, the Cold War, the COLD WAR')).toEqual([
      'KYIV=kyiv', 'kyiv=kyiv', 'Kyiv=kyiv', 'Cold War=cold-war', 'COLD WAR=cold-war',
    ]);
  });

  it('refuses short all-caps forms inside an all-caps run', () => {
    expect(found(m, 'LET US PRAY')).toEqual([]);
    expect(found(m, 'WHAT IS NEXT')).toEqual([]);
    expect(found(m, 'AP PHOTO CREDIT')).toEqual([]);
    expect(found(m, 'LET US GO')).toEqual([]);
  });

  it('keeps short all-caps forms next to ordinary words and datelines', () => {
    expect(found(m, 'WASHINGTON (AP) — US officials said')).toEqual(['AP=ap', 'US=usa']);
    expect(found(m, 'Fighters loyal to IS attacked')).toEqual(['IS=isis']);
    expect(found(m, 'in the US.')).toEqual(['US=usa']);
    expect(found(m, 'US, UK and EU leaders')).toEqual(['US=usa']);
  });

  it('does not apply the shouting guard to longer forms', () => {
    expect(found(m, 'BREAKING: CHINA WARNS')).toEqual(['CHINA=china']);
  });
});
