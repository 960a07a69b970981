import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '@/lib/messages';

/** Content-script entry: scans the page and wires highlights and cards. */
export function startContent(ctx: ContentScriptContext): void {
  void send('ping', {}).then(() => {
    if (ctx.isValid) document.documentElement.dataset.glossReady = '1';
  });
}
