import { registerCardView } from '@/lib/content/card-view';
import { cardRenderer } from '@/lib/content/card-render';

/**
 * The hover card's renderer, injected by the background into a page's content-script world
 * on first use (lib/content/card-view.ts explains why it is not in the content script).
 */
export default defineUnlistedScript(() => registerCardView(cardRenderer));
