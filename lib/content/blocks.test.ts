// @vitest-environment happy-dom
import { segAt, walkBlocks, type Block } from './blocks';

function blocks(html: string): { texts: string[]; shadows: number } {
  document.body.innerHTML = html;
  const texts: string[] = [];
  let shadows = 0;
  for (const b of walkBlocks(document.body)) {
    if (b instanceof ShadowRoot) shadows++;
    else texts.push((b as Block).text);
  }
  return { texts, shadows };
}

describe('walkBlocks', () => {
  it('joins text split across inline elements into one block', () => {
    const { texts } = blocks('<p>President <b>Vladimir</b> <a href="#">Pu<i>tin</i></a> spoke.</p>');
    expect(texts).toEqual(['President Vladimir Putin spoke.']);
  });

  it('ends a run at block elements, <br> and after a nested block closes', () => {
    const { texts } = blocks('<div>Kim<br>Jong-un<p>inner</p>tail</div><p>next</p>');
    expect(texts).toEqual(['Kim', 'Jong-un', 'inner', 'tail', 'next']);
  });

  it('skips scripts, styles, code, form fields and editable regions', () => {
    const { texts } = blocks(
      '<p>keep</p><script>Putin()</script><style>.a{}</style><pre>Putin</pre><code>Kim</code>' +
        '<textarea>Shoigu</textarea><div contenteditable="true"><p>Kursk</p></div>' +
        '<div contenteditable="false">also kept</div><div role="textbox">typed</div><p hidden>gone</p>',
    );
    expect(texts).toEqual(['keep', 'also kept']);
  });

  it('drops whitespace-only runs and reports open shadow roots', () => {
    document.body.innerHTML = '<p>  </p><div id="h"></div>';
    const host = document.getElementById('h') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>shadow text</p>';
    const items = [...walkBlocks(document.body)];
    expect(items).toHaveLength(1);
    const sr = items[0] as ShadowRoot;
    expect(sr).toBe(host.shadowRoot);
    expect([...walkBlocks(sr)].map((b) => (b as Block).text)).toEqual(['shadow text']);
  });

  it('maps block offsets to the right text node', () => {
    document.body.innerHTML = '<p>ab<b>cd</b>ef</p>';
    const [b] = [...walkBlocks(document.body)] as Block[];
    expect(b?.segs.map((s) => s.start)).toEqual([0, 2, 4]);
    expect(b && segAt(b.segs, 0)).toBe(0);
    expect(b && segAt(b.segs, 3)).toBe(1);
    expect(b && segAt(b.segs, 5)).toBe(2);
    expect(b?.segs[1]?.node.data).toBe('cd');
  });
});

describe('walkBlocks on SVG and long runs', () => {
  it('reads each SVG <text> as a block of its own, never titles, descriptions or styles', () => {
    const { texts } = blocks(
      // (happy-dom's parser swallows what follows an SVG <style>: it comes last here)
      '<p>Map of</p><svg><title>Putin</title><desc>Kim</desc>' +
        '<text>Kursk <tspan>Oblast</tspan></text><text>Pyongyang</text><style>.a{content:"Shoigu"}</style></svg>',
    );
    expect(texts).toEqual(['Map of', 'Kursk Oblast', 'Pyongyang']);
  });

  it('ticks with null between blocks when asked, so a slicer can pause in long runs', () => {
    document.body.innerHTML = `<div>${'<span></span>'.repeat(50)}</div><p>end</p>`;
    const items = [...walkBlocks(document.body, 16)];
    expect(items.filter((i) => i === null).length).toBeGreaterThanOrEqual(3);
    expect(items.filter((i): i is Block => i !== null && !(i instanceof ShadowRoot)).map((b) => b.text)).toEqual(['end']);
    expect([...walkBlocks(document.body)].every((i) => i !== null)).toBe(true);
  });
});
