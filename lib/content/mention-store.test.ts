// @vitest-environment happy-dom
import { MentionStore, type PageMention } from './mention-store';
import { installHighlightShims } from './test-support';

installHighlightShims();

function mention(store: MentionStore, entityId: string, nodes: Text[], start: number, end: number): PageMention {
  const last = nodes[nodes.length - 1]!;
  return {
    id: store.newId(),
    entityId,
    category: 'person',
    via: 'direct',
    range: new StaticRange({ startContainer: nodes[0]!, startOffset: start, endContainer: last, endOffset: end }),
    nodes,
    quote: { exact: '', prefix: '', suffix: '' },
  };
}

describe('MentionStore', () => {
  it('indexes a mention under every text node it spans and finds it by caret offset', () => {
    document.body.innerHTML = '<p>Vladimir <b>Putin</b> and Kim</p>';
    const p = document.body.firstChild as HTMLElement;
    const t1 = p.childNodes[0] as Text;
    const t2 = p.querySelector('b')!.firstChild as Text;
    const t3 = p.childNodes[2] as Text;
    const store = new MentionStore();
    const putin = mention(store, 'Q7747', [t1, t2], 0, 5);
    const kim = mention(store, 'Q56226', [t3], 5, 8);
    store.add(kim);
    store.add(putin);
    expect(store.at(t1, 3)).toEqual([putin]);
    expect(store.at(t2, 5)).toEqual([putin]);
    expect(store.at(t3, 2)).toEqual([]);
    expect(store.at(t3, 6)).toEqual([kim]);
    expect(store.inDocumentOrder()).toEqual([putin, kim]);
    expect(store.byEntity().get('Q7747')?.count).toBe(1);
  });

  it('drops mentions whose text left the page', () => {
    document.body.innerHTML = '<p>Putin</p><p>Kim</p>';
    const [a, b] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const store = new MentionStore();
    const ma = mention(store, 'x', [a!], 0, 5);
    const mb = mention(store, 'y', [b!], 0, 3);
    store.add(ma);
    store.add(mb);
    document.querySelector('p')!.remove();
    expect(store.dropDisconnected()).toEqual([ma]);
    expect(store.size).toBe(1);
    expect(store.at(a!, 2)).toEqual([]);
  });
});
