import { useEffect, useState } from 'preact/hooks';
import type { OptionsApi } from '@/lib/options/store';
import type { Settings } from '@/lib/settings';
import { useNotes } from '@/lib/options/use-notes';
import { useKb } from '@/lib/options/use-kb';
import { KbPanel } from './KbPanel';
import { NotesPanel } from './NotesPanel';
import { SettingsControls } from './SettingsControls';

function SettingsPanel({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.loadSettings().then(setSettings, () => setError('Could not load the settings.'));
    return api.watchSettings(setSettings);
  }, [api]);
  const update = (patch: Partial<Settings>) => {
    setSettings((s) => (s ? { ...s, ...patch } : s));
    api.saveSettings(patch).then(setSettings, () => setError('Could not save the settings.'));
  };
  return (
    <section class="g-panel" aria-labelledby="g-settings-title">
      <div class="g-panel-head">
        <h2 id="g-settings-title">Settings</h2>
      </div>
      {error && (
        <p class="g-error" role="alert">
          {error}
        </p>
      )}
      {settings && (
        <div class="g-settings-card">
          <SettingsControls settings={settings} onChange={update} />
          {settings.disabledSites.length > 0 && (
            <div class="g-sites">
              <h3 class="g-legend">Off on these sites</h3>
              <ul>
                {settings.disabledSites.map((host) => (
                  <li key={host}>
                    <span>{host}</span>
                    <button
                      type="button"
                      class="g-button g-button-quiet"
                      aria-label={`Turn Gloss back on for ${host}`}
                      onClick={() => update({ disabledSites: settings.disabledSites.filter((h) => h !== host) })}
                    >
                      Turn on
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** The options page: notes, knowledge base, settings. */
export function OptionsApp({ api }: { api: OptionsApi }) {
  const notes = useNotes(api);
  const kb = useKb(api);
  return (
    <div class="g-options">
      <header class="g-options-header">
        <div class="g-brand">
          <span class="g-logo" aria-hidden="true">
            G
          </span>
          <h1>Gloss</h1>
        </div>
        <nav aria-label="Sections" class="g-nav">
          <a href="#notes">Notes</a>
          <a href="#kb">Knowledge base</a>
          <a href="#settings">Settings</a>
        </nav>
      </header>
      <main class="g-options-main">
        <div id="notes">
          <NotesPanel state={notes} />
        </div>
        <aside class="g-options-side">
          <div id="settings">
            <SettingsPanel api={api} />
          </div>
          <div id="kb">
            <KbPanel state={kb} />
          </div>
        </aside>
      </main>
      <footer class="g-options-footer g-muted">
        Gloss works offline: page text never leaves your browser. Notes are stored on this device only — export JSON to
        back them up.
      </footer>
    </div>
  );
}
