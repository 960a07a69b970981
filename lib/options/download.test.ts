// @vitest-environment happy-dom
import { downloadFile } from './download';

describe('downloadFile', () => {
  it('clicks a temporary <a download> pointing at a Blob of the content', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:gloss/1';
    });
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    downloadFile({ filename: 'gloss-notes-2026-11-22.csv', mime: 'text/csv;charset=utf-8', content: '\uFEFFid\r\n' });
    expect(clicked).toEqual([{ href: 'blob:gloss/1', download: 'gloss-notes-2026-11-22.csv' }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await created[0]!.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
