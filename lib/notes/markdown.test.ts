import { escapeMarkdown, escapeMarkdownBlock, markdownLink, notesToMarkdown } from './markdown';
import { makeNote } from './test-notes';

const AT = new Date('2026-11-22T10:00:00Z');

describe('escapeMarkdown', () => {
  it('escapes inline Markdown and Obsidian syntax', () => {
    expect(escapeMarkdown('*bold* _it_ `code`')).toBe('\\*bold\\* \\_it\\_ \\`code\\`');
    expect(escapeMarkdown('[[Kursk]] #tag ==mark== $x$ %%c%% ~~s~~')).toBe(
      '\\[\\[Kursk\\]\\] \\#tag \\=\\=mark\\=\\= \\$x\\$ \\%\\%c\\%\\% \\~\\~s\\~\\~',
    );
    expect(escapeMarkdown('<script>&amp;')).toBe('\\<script\\>\\&amp;');
    expect(escapeMarkdown('a\\b')).toBe('a\\\\b');
    expect(escapeMarkdown('![img](x)')).toBe('\\!\\[img\\]\\(x\\)');
  });

  it('escapes block markers at the start of a line only', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('2026) year')).toBe('2026\\) year');
    expect(escapeMarkdown('> quoted')).toBe('\\> quoted');
    expect(escapeMarkdown('a - b 1. c')).toBe('a - b 1. c');
  });

  it('keeps indentation from becoming a code block', () => {
    expect(escapeMarkdown('    code?')).toBe('\u00A0\u00A0\u00A0\u00A0code?');
  });

  it('leaves non-Latin text untouched', () => {
    for (const s of ['Сергей Шойгу', '김정은 위원장', 'بشار الأسد', 'プーチン大統領']) expect(escapeMarkdown(s)).toBe(s);
  });
});

describe('escapeMarkdownBlock', () => {
  it('keeps line breaks as hard breaks and blank lines as paragraphs', () => {
    expect(escapeMarkdownBlock('one\ntwo')).toBe('one  \ntwo');
    expect(escapeMarkdownBlock('one\r\n\r\n\n\ntwo\n- three')).toBe('one\n\ntwo  \n\\- three');
  });
});

describe('markdownLink', () => {
  it('links http(s) URLs, escaping the title', () => {
    expect(markdownLink('Kim [Jong Un] *visit*', 'https://x.example/a_(b)')).toBe('[Kim \\[Jong Un\\] \\*visit\\*](<https://x.example/a_(b)>)');
  });
  it('encodes spaces and angle brackets in the URL and falls back to the URL as label', () => {
    expect(markdownLink('', 'https://x.example/a b<c>')).toBe('[https://x.example/a b\\<c\\>](<https://x.example/a%20b%3Cc%3E>)');
  });
  it('never links other schemes', () => {
    expect(markdownLink('click', 'javascript:alert(1)')).toBe('click');
  });
});

describe('notesToMarkdown', () => {
  it('writes front matter with the export date and a heading per entity', () => {
    const md = notesToMarkdown(
      [
        makeNote({ entityId: 'Q1', entityName: 'Sergei Shoigu' }),
        makeNote({ entityId: 'Q2', entityName: 'Kursk', category: 'place' }),
        makeNote({ entityId: 'Q1', entityName: 'Sergei Shoigu' }),
      ],
      AT,
    );
    expect(md.startsWith('---\ntitle: Gloss notes\nexported: 2026-11-22T10:00:00.000Z\nnotes: 3\n')).toBe(true);
    expect(md.match(/^## .*$/gm)).toEqual(['## Sergei Shoigu', '## Kursk']);
    expect(md).toContain('*Person* · 2 notes');
    expect(md).toContain('*Place* · 1 note');
  });

  it('renders quote in context, text, link and dates', () => {
    const md = notesToMarkdown(
      [
        makeNote({
          text: 'Check *this*\nsecond line',
          quote: { exact: 'Shoigu', prefix: '…minister\nSergei ', suffix: ' said…' },
          title: 'Defence [live]',
          url: 'https://news.example/a',
          createdAt: '2026-11-20T09:15:00.000Z',
          updatedAt: '2026-11-21T08:00:00.000Z',
        }),
      ],
      AT,
    );
    expect(md).toContain('> …minister Sergei **Shoigu** said…\n\nCheck \\*this\\*  \nsecond line\n\n');
    expect(md).toContain('*[Defence \\[live\\]](<https://news.example/a>) · saved 2026-11-20, edited 2026-11-21*');
  });

  it('omits empty quotes, context and unchanged edit dates', () => {
    const md = notesToMarkdown([makeNote({ text: '', quote: { exact: 'Kursk', prefix: '', suffix: '' } })], AT);
    expect(md).toContain('> **Kursk**\n');
    expect(md).not.toContain('edited');
    expect(notesToMarkdown([makeNote({ quote: { exact: ' ', prefix: 'a', suffix: 'b' } })], AT)).not.toContain('> ');
  });

  it('escapes entity names, quotes and titles from pages', () => {
    const md = notesToMarkdown([makeNote({ entityName: '#1 *Group*', quote: { exact: '[x](javascript:y)', prefix: '', suffix: '' } })], AT);
    expect(md).toContain('## \\#1 \\*Group\\*');
    expect(md).toContain('> **\\[x\\]\\(javascript:y\\)**');
  });

  it('keeps Cyrillic, Hangul and Arabic text as written', () => {
    const md = notesToMarkdown([makeNote({ entityName: 'Сеул', text: '서울에서 회담', title: 'قمة' })], AT);
    expect(md).toContain('## Сеул');
    expect(md).toContain('서울에서 회담');
    expect(md).toContain('[قمة](<');
  });
});
