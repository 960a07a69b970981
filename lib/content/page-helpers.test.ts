// @vitest-environment happy-dom
import type { Entity } from '@/lib/kb/schema';
import type { PageMention } from './mention-store';
import { debugCounts, noteInput, pageUrl } from './page-helpers';

const mention = (category: PageMention['category']) =>
  ({ category, quote: { exact: 'Kursk', prefix: 'in ', suffix: ' region' } }) as PageMention;

describe('page helpers', () => {
  afterEach(() => {
    document.head.innerHTML = '';
  });

  it('uses the canonical link for notes when it is http(s), else the address', () => {
    expect(pageUrl(document)).toBe(document.location.href);
    document.head.innerHTML = '<link rel="canonical" href="javascript:alert(1)">';
    expect(pageUrl(document)).toBe(document.location.href);
    document.head.innerHTML = '<link rel="canonical" href="https://news.example/story">';
    expect(pageUrl(document)).toBe('https://news.example/story');
  });

  it('builds a note with the entity, the text, the page and the quote', () => {
    document.title = 'A story';
    const entity = { id: 'Q4258', name: 'Kursk Oblast', category: 'place' } as Entity;
    expect(noteInput(document, mention('place'), entity, 'troops sent here')).toEqual({
      entityId: 'Q4258',
      entityName: 'Kursk Oblast',
      category: 'place',
      text: 'troops sent here',
      url: document.location.href,
      title: 'A story',
      quote: { exact: 'Kursk', prefix: 'in ', suffix: ' region' },
    });
  });

  it('counts found and painted mentions per category', () => {
    const counts = debugCounts([mention('place'), mention('place'), mention('person')], 3, {
      person: 1,
      place: 0,
      organization: 0,
      weapon: 0,
      event: 0,
    });
    expect(counts).toMatchObject({
      mentions: 3,
      'found-place': 2,
      'found-person': 1,
      'active-place': 0,
      'active-person': 1,
    });
  });
});
