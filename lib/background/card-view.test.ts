import { CARD_VIEW_FILE, loadCardView } from './card-view';

describe('loadCardView', () => {
  it('injects the renderer into the sending tab and frame', async () => {
    const calls: unknown[] = [];
    const res = await loadCardView({ tab: { id: 7 }, frameId: 3 }, async (target, file) => calls.push({ target, file }));
    expect(res).toEqual({ ok: true });
    expect(calls).toEqual([{ target: { tabId: 7, frameId: 3 }, file: CARD_VIEW_FILE }]);
  });

  it('defaults to the top frame and refuses a sender without a tab', async () => {
    const calls: unknown[] = [];
    const inject = async (target: unknown) => calls.push(target);
    expect(await loadCardView({ tab: { id: 2 } }, inject)).toEqual({ ok: true });
    expect(await loadCardView({ frameId: 0 }, inject)).toEqual({ ok: false });
    expect(calls).toEqual([{ tabId: 2, frameId: 0 }]);
  });

  it('answers ok: false when the browser refuses', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const res = await loadCardView({ tab: { id: 1 }, frameId: 0 }, async () => {
      throw new Error('Cannot access contents of the page');
    });
    expect(res).toEqual({ ok: false });
    debug.mockRestore();
  });
});
