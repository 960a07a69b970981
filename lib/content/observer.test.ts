// @vitest-environment happy-dom
import { dirtyRootFor, minimalRoots, PageObserver } from './observer';

describe('PageObserver', () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<article id="feed"><p id="p1">one <b id="b">bold</b></p></article><textarea id="ta">x</textarea>';
  });

  it('maps a change to the smallest block to rescan, ignoring editable fields', () => {
    const b = document.getElementById('b') as HTMLElement;
    expect(dirtyRootFor(b)).toBe(document.getElementById('p1'));
    expect(dirtyRootFor(b.firstChild as Text)).toBe(document.getElementById('p1'));
    const p = document.createElement('p');
    expect(dirtyRootFor(p)).toBe(p);
    expect(dirtyRootFor(document.getElementById('ta')!.firstChild as Text)).toBeNull();
  });

  it('keeps only outermost connected roots', () => {
    const feed = document.getElementById('feed')!;
    const p1 = document.getElementById('p1')!;
    const detached = document.createElement('p');
    expect(minimalRoots([p1, feed, detached])).toEqual([feed]);
  });

  it('reports added blocks and changed text once per burst, debounced', async () => {
    const calls: Node[][] = [];
    const obs = new PageObserver((roots) => calls.push(roots), { debounceMs: 30, maxWaitMs: 200 });
    obs.observe(document);
    const feed = document.getElementById('feed')!;
    const added = document.createElement('p');
    added.textContent = 'new story';
    feed.append(added);
    (document.getElementById('b')!.firstChild as Text).data = 'changed';
    document.getElementById('ta')!.textContent = 'typing';
    await new Promise((r) => setTimeout(r, 80));
    obs.disconnect();
    expect(calls).toHaveLength(1);
    expect(new Set(calls[0])).toEqual(new Set([added, document.getElementById('p1')]));
  });
});
