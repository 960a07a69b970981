import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isEnvelope, registerHandlers, send, type Handlers } from './messages';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    ping: async () => ({ ok: true, version: '9.9.9' }),
    recognize: async ({ texts }) => ({ version: 'v1', entities: [], mentions: texts.map(() => []) }),
    getCards: async ({ ids }) => ({ cards: ids.length ? [] : [] }),
    loadCardView: async () => ({ ok: true }),
    addNote: async () => {
      throw new Error('Storage is full');
    },
    ...overrides,
  };
}

describe('isEnvelope', () => {
  it('accepts only Gloss envelopes', () => {
    expect(isEnvelope({ gloss: 1, type: 'ping', payload: {} })).toBe(true);
    expect(isEnvelope({ type: 'ping', payload: {} })).toBe(false);
    expect(isEnvelope({ gloss: 2, type: 'ping', payload: {} })).toBe(false);
    expect(isEnvelope({ gloss: 1, type: 7, payload: {} })).toBe(false);
    expect(isEnvelope({ gloss: 1, type: 'ping', payload: null })).toBe(false);
    expect(isEnvelope('ping')).toBe(false);
    expect(isEnvelope(null)).toBe(false);
  });
});

describe('send and registerHandlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips a typed request to its handler', async () => {
    registerHandlers(handlers());
    await expect(send('ping', {})).resolves.toEqual({ ok: true, version: '9.9.9' });
  });

  it('passes the payload and turns a handler error into a rejected promise with its message', async () => {
    const seen: string[][] = [];
    registerHandlers(
      handlers({
        getCards: async ({ ids }) => {
          seen.push(ids);
          return { cards: [] };
        },
      }),
    );
    await send('getCards', { ids: ['Q7747'] });
    expect(seen).toEqual([['Q7747']]);
    await expect(send('addNote', {} as never)).rejects.toThrow('Storage is full');
  });

  it('ignores messages that are not ours', async () => {
    let called = 0;
    registerHandlers(handlers({ ping: async () => (called++, { ok: true, version: 'x' }) }));
    const res = await fakeBrowser.runtime.sendMessage({ type: 'ping' }).catch(() => undefined);
    expect(res).toBeUndefined();
    expect(called).toBe(0);
  });

  it('removes its listener when disposed', async () => {
    const off = registerHandlers(handlers());
    off();
    await expect(send('ping', {})).rejects.toThrow();
  });
});
