// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { Entity } from '@/lib/kb/schema';
import { Card, displayAliases, formatAsOf } from './Card';

const shoigu: Entity = {
  id: 'Q312833',
  category: 'person',
  name: 'Sergei Shoigu',
  description: 'Russian politician and army general',
  summary: 'Secretary of the Security Council of Russia since May 2024; defence minister 2012–2024.',
  facts: [
    { label: 'Role', value: 'Secretary of the Security Council', asOf: '2024-05' },
    { label: 'Born', value: '1955' },
  ],
  aliases: [
    { text: 'Sergei Shoigu', lang: 'en', case: 'exact', kind: 'name' },
    { text: 'Sergey Shoygu', lang: 'en', case: 'exact', kind: 'name' },
    { text: 'Shoigu', lang: 'en', case: 'exact', kind: 'short' },
    { text: 'Шойгу', lang: 'ru', case: 'exact', kind: 'surname' },
  ],
  related: ['Q7747'],
  sources: [{ title: 'Wikidata', url: 'https://www.wikidata.org/wiki/Q312833' }],
  priority: 0,
};

function renderCard(onSaveNote = vi.fn(async (_text: string) => undefined), onClose = vi.fn()) {
  render(
    <Card entity={shoigu} related={['Vladimir Putin']} scheme="light" onClose={onClose} onSaveNote={onSaveNote} />,
  );
  return { onSaveNote, onClose };
}

describe('Card', () => {
  afterEach(cleanup);

  it('is a non-modal dialog named exactly by the display name, with the card content', () => {
    renderCard();
    const dialog = screen.getByRole('dialog', { name: 'Sergei Shoigu' });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(dialog.textContent).toContain('Russian politician and army general');
    expect(dialog.textContent).toContain('as of May 2024');
    expect(dialog.textContent).toContain('Sergey Shoygu');
    expect(dialog.textContent).toContain('Vladimir Putin');
    expect(screen.getByRole('link', { name: 'Wikidata' }).getAttribute('href')).toBe(
      'https://www.wikidata.org/wiki/Q312833',
    );
  });

  it('closes on Escape and on the close button', () => {
    const { onClose } = renderCard();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('saves a note from a focused "Note" textbox and says so', async () => {
    const { onSaveNote } = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const box = screen.getByRole('textbox', { name: 'Note' });
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'Check his visit dates' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('Saved')).toBeTruthy());
    expect(onSaveNote).toHaveBeenCalledWith('Check his visit dates');
  });

  it('keeps the text and shows the error when saving fails', async () => {
    renderCard(vi.fn(async () => Promise.reject(new Error('storage is full'))));
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const box = screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'keep me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText(/storage is full/)).toBeTruthy());
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('keep me');
  });
});

describe('card helpers', () => {
  it('lists distinct aliases other than the name, without bare surnames', () => {
    expect(displayAliases(shoigu)).toEqual(['Sergey Shoygu', 'Shoigu']);
  });

  it('formats "as of" dates', () => {
    expect(formatAsOf('2024')).toBe('2024');
    expect(formatAsOf('2024-05')).toBe('May 2024');
    expect(formatAsOf('2024-05-07')).toBe('7 May 2024');
  });
});
