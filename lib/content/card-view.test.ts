import { fetchCardView, registerCardView, registeredCardView, type CardView } from './card-view';

const view: CardView = { css: '', render: () => undefined };

describe('fetchCardView', () => {
  it('returns the registered renderer without asking for it', async () => {
    const world = {};
    registerCardView(view, world);
    const inject = vi.fn(async () => undefined);
    expect(await fetchCardView(inject, world)).toBe(view);
    expect(inject).not.toHaveBeenCalled();
  });

  it('asks for the renderer and returns what the injected file registered', async () => {
    const world = {};
    expect(registeredCardView(world)).toBeNull();
    expect(await fetchCardView(async () => registerCardView(view, world), world)).toBe(view);
  });

  it('fails when the injection ran but nothing registered', async () => {
    await expect(fetchCardView(async () => undefined, {})).rejects.toThrow('did not register');
  });
});
