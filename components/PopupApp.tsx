import type { PopupApi } from '@/lib/popup/popup-api';
import { usePopup } from '@/lib/popup/use-popup';
import { PageEntities } from './PageEntities';
import { SettingsControls } from './SettingsControls';
import { Switch } from './Switch';

/** The toolbar popup: this site on/off, what is on the page, highlight settings. */
export function PopupApp({ api }: { api: PopupApi }) {
  const state = usePopup(api);
  const { settings, hostname } = state;
  return (
    <main class="g-popup">
      <header class="g-popup-header">
        <div class="g-brand">
          <span class="g-logo" aria-hidden="true">
            G
          </span>
          <h1>Gloss</h1>
        </div>
        {settings && (
          <Switch label="Enable Gloss" checked={settings.enabled} onChange={(enabled) => state.update({ enabled })} />
        )}
      </header>

      {state.error && (
        <p class="g-error" role="alert">
          {state.error}
        </p>
      )}

      {settings && hostname && (
        <section class="g-card g-site">
          <Switch
            label="Gloss on this site"
            hint={settings.enabled ? hostname : `${hostname} · Gloss is off everywhere`}
            checked={settings.enabled && !settings.disabledSites.includes(hostname)}
            disabled={!settings.enabled}
            onChange={state.setSiteEnabled}
          />
        </section>
      )}

      <section class="g-section" aria-labelledby="g-on-page">
        <h2 id="g-on-page" class="g-section-title">
          On this page
        </h2>
        <PageEntities page={state.page} onReveal={state.reveal} />
      </section>

      {settings && (
        <section class="g-section" aria-label="Settings">
          <SettingsControls settings={settings} onChange={state.update} showGlobal={false} />
        </section>
      )}

      <footer class="g-popup-footer">
        <button type="button" class="g-button g-button-quiet" onClick={state.openOptions}>
          Notes &amp; options
        </button>
      </footer>
    </main>
  );
}
