import { describe, expect, it } from 'vitest';
import { compileMatcher, recognize } from './index.ts';
import { form, found } from './test-util.ts';

const place = { category: 'place' as const };

describe('word boundaries', () => {
  const m = compileMatcher([
    form('Iran', 'iran', place), form('North Korea', 'nk', place), form('U.S.', 'us', place), form('Киев', 'kyiv', place),
    form('Putin', 'putin', { kind: 'short' }), form('Shahed', 'shahed', { category: 'weapon' }), form('Kursk', 'kursk', place),
    form('Kyiv', 'kyiv', place), form('غزة', 'gaza', place), form('ירושלים', 'jer', place), form('Αθήνα', 'athens', place),
  ]);

  it('treats a hyphen as a boundary', () => {
    expect(found(m, 'Iran-backed militias')).toEqual(['Iran=iran']);
    expect(found(m, 'a North Korea-focused site')).toEqual(['North Korea=nk']);
    expect(found(m, 'the U.S.-brokered deal')).toEqual(['U.S.=us']);
  });

  it('does not join name parts across other words or punctuation', () => {
    expect(found(m, 'North and Korea, North. Korea, North, Korea')).toEqual([]);
    expect(found(m, 'North  Korea')).toEqual(['North  Korea=nk']);
  });

  it('does not find a name inside a longer word', () => {
    expect(found(m, 'Iranian officials and Putinism')).toEqual([]);
    expect(found(m, 'Kurskaya and preKyiv')).toEqual([]);
  });

  it('uses Unicode letters, not ASCII \\b, for Cyrillic, Arabic, Hebrew and Greek', () => {
    expect(found(m, 'в Киев, затем')).toEqual(['Киев=kyiv']);
    expect(found(m, 'Киевский')).toEqual([]);
    expect(found(m, 'في غزة اليوم')).toEqual(['غزة=gaza']);
    expect(found(m, 'ב ירושלים.')).toEqual(['ירושלים=jer']);
    expect(found(m, 'στην Αθήνα.')).toEqual(['Αθήνα=athens']);
  });

  it('matches inflected Russian names by stem', () => {
    const ru = compileMatcher([form('Зеленский', 'zel'), form('Москва', 'moscow', place), form('Киев', 'kyiv', place)]);
    expect(found(ru, 'с Зеленским в Москве, из Киева')).toEqual(['Зеленским=zel', 'Москве=moscow', 'Киева=kyiv']);
    expect(found(ru, 'Москвич')).toEqual([]);
  });

  it('covers a name but not its possessive', () => {
    const text = "Putin's and Putin’s and Iran’s";
    expect(found(m, text)).toEqual(['Putin=putin', 'Putin=putin', 'Iran=iran']);
  });

  it('matches the plural -s of weapons only', () => {
    expect(found(m, 'Shaheds and SHAHEDS')).toEqual(['Shaheds=shahed', 'SHAHEDS=shahed']);
    expect(found(m, 'two Irans')).toEqual([]);
    const f16 = compileMatcher([form('F-16', 'f16', { category: 'weapon' }), form('G20', 'g20', { category: 'event' })]);
    expect(found(f16, 'F-16s and F-16 and G20s')).toEqual(['F-16s=f16', 'F-16=f16']);
  });
});

describe('Hangul', () => {
  const m = compileMatcher([form('서울', 'seoul', place), form('김정은', 'kju')]);

  it('allows a particle after the name but covers only the name', () => {
    const text = '서울에서 김정은이 말했다';
    expect(found(m, text)).toEqual(['서울=seoul', '김정은=kju']);
    expect(recognize(m, text)[0]).toMatchObject({ start: 0, end: 2 });
  });

  it('requires a non-Hangul character on the left', () => {
    expect(found(m, '남서울 and 반김정은')).toEqual([]);
    expect(found(m, '(서울)')).toEqual(['서울=seoul']);
  });

  it('does not accept arbitrary Hangul after the name', () => {
    expect(found(m, '서울대학교')).toEqual([]);
  });
});

describe('Han and kana', () => {
  const m = compileMatcher([
    form('金正恩', 'kju'), form('金', 'kim-bare', { kind: 'surname' }), form('プーチン', 'putin'), form('北京', 'beijing', place),
  ]);

  it('matches by characters without spaces, at least two characters long', () => {
    expect(found(m, '朝鲜领导人金正恩在北京会见了プーチン大統領')).toEqual(['金正恩=kju', '北京=beijing', 'プーチン=putin']);
    expect(found(m, '金价上涨')).toEqual([]);
    expect(m.formCount).toBe(3);
  });

  it('normalizes half-width katakana', () => {
    expect(found(m, 'ﾌﾟｰﾁﾝ氏')).toEqual(['ﾌﾟｰﾁﾝ=putin']);
    expect(found(m, 'フ\u309Aーチン')).toEqual(['フ\u309Aーチン=putin']);
  });
});
