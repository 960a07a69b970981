import { contextAfter, contextBefore } from './quote-context';

describe('quote context', () => {
  it('shows context cut at a word as stored, with its own ellipsis', () => {
    expect(contextBefore('…Security Council Secretary ')).toBe('…Security Council Secretary ');
    expect(contextAfter(' visited Pyongyang and agreed to…')).toBe(' visited Pyongyang and agreed to…');
  });

  it('shows context that reaches the edge of the text without an ellipsis', () => {
    expect(contextBefore('On June 17, ')).toBe('On June 17, ');
    expect(contextAfter(' said.')).toBe(' said.');
  });

  it('adds the ellipsis to a note saved by an earlier version (32 characters, cut mid-word)', () => {
    expect(contextBefore('ssian Security Council Secretary ')).toBe('…ssian Security Council Secretary ');
    expect(contextAfter(' visited Pyongyang and agreed to a')).toBe(' visited Pyongyang and agreed to a…');
  });

  it('shows nothing for blank context', () => {
    expect(contextBefore('  ')).toBe('');
    expect(contextAfter('')).toBe('');
  });
});
