/** The card renderer that `entrypoints/card-view.ts` registers (see card-view.ts for why). */
import { render } from 'preact';
import { Card } from '@/components/Card';
import cardCss from '@/components/Card.css?inline';
import noteCss from '@/components/NoteEditor.css?inline';
import type { CardView } from './card-view';

export const cardRenderer: CardView = {
  css: `${cardCss}\n${noteCss}`,
  render(props, mount) {
    // Keyed by entity, so another entity's card starts fresh (note editor closed).
    render(props ? <Card key={props.entity.id} {...props} /> : null, mount);
  },
};
