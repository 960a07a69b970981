// @vitest-environment happy-dom
import { isEditableTarget, navKey, pickMention } from './keyboard';
import type { PageMention } from './mention-store';

const key = (code: string, mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>>) => ({
  code,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('keyboard', () => {
  it('reads Alt+Shift+N / Alt+Shift+P by physical key and nothing else', () => {
    expect(navKey(key('KeyN', { altKey: true, shiftKey: true }))).toBe('next');
    expect(navKey(key('KeyP', { altKey: true, shiftKey: true }))).toBe('previous');
    expect(navKey(key('KeyN', { altKey: true }))).toBeNull();
    expect(navKey(key('KeyN', { altKey: true, shiftKey: true, ctrlKey: true }))).toBeNull();
    expect(navKey(key('KeyX', { altKey: true, shiftKey: true }))).toBeNull();
  });

  it('knows where the reader types', () => {
    document.body.innerHTML =
      '<input id="t"><input id="c" type="checkbox"><textarea id="a"></textarea><div contenteditable="true"><b id="e">x</b></div><p id="p">x</p>';
    const el = (id: string) => document.getElementById(id);
    expect(isEditableTarget(el('t'))).toBe(true);
    expect(isEditableTarget(el('c'))).toBe(false);
    expect(isEditableTarget(el('a'))).toBe(true);
    expect(isEditableTarget(el('e'))).toBe(true);
    expect(isEditableTarget(el('p'))).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });

  it('moves through enabled mentions in order and wraps around', () => {
    const ms = ['a', 'b', 'c'].map(
      (id, i) => ({ id: i, entityId: id, category: i === 1 ? 'place' : 'person' }) as PageMention,
    );
    const all = () => true;
    expect(pickMention(ms, null, 'next', all)?.entityId).toBe('a');
    expect(pickMention(ms, null, 'previous', all)?.entityId).toBe('c');
    expect(pickMention(ms, ms[2]!, 'next', all)?.entityId).toBe('a');
    expect(pickMention(ms, ms[0]!, 'previous', all)?.entityId).toBe('c');
    const people = (m: PageMention) => m.category === 'person';
    expect(pickMention(ms, ms[0]!, 'next', people)?.entityId).toBe('c');
    expect(pickMention([], null, 'next', all)).toBeNull();
  });
});
