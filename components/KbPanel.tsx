import { useRef } from 'preact/hooks';
import type { KbState } from '@/lib/options/use-kb';
import type { PackInfo } from '@/lib/kb/types';

const num = (n: number) => n.toLocaleString('en');
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function PackRow({ pack, onRemove }: { pack: PackInfo; onRemove(id: string): void }) {
  return (
    <li class="g-pack">
      <div class="g-pack-head">
        <h3 class="g-pack-name">{pack.name}</h3>
        <span class="g-badge">{pack.bundled ? 'Bundled' : 'Imported'}</span>
        <span class="g-muted g-pack-version">v{pack.version}</span>
        {!pack.bundled && (
          <button
            type="button"
            class="g-button g-button-quiet g-button-danger g-pack-remove"
            aria-label={`Remove ${pack.name}`}
            onClick={() => onRemove(pack.id)}
          >
            Remove
          </button>
        )}
      </div>
      {pack.description && <p class="g-pack-desc">{pack.description}</p>}
      <dl class="g-pack-facts">
        <div>
          <dt>Entities</dt>
          <dd>{num(pack.entities)}</dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>{pack.licence}</dd>
        </div>
        {!pack.bundled && pack.importedAt && (
          <div>
            <dt>Imported</dt>
            <dd>
              <time dateTime={pack.importedAt}>{dateFormat.format(new Date(pack.importedAt))}</time>
            </dd>
          </div>
        )}
      </dl>
      <p class="g-pack-attribution">{pack.attribution}</p>
    </li>
  );
}

/** The knowledge-base section: what is loaded, where it comes from, and user packs. */
export function KbPanel({ state }: { state: KbState }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const { info, progress } = state;
  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <section class="g-panel" aria-labelledby="g-kb-title">
      <div class="g-panel-head">
        <h2 id="g-kb-title">Knowledge base</h2>
      </div>
      {state.loadError && (
        <p class="g-error" role="alert">
          {state.loadError}
        </p>
      )}
      {info && (
        <dl class="g-stats">
          <div>
            <dt>Entities</dt>
            <dd>{num(info.entities)}</dd>
          </div>
          <div>
            <dt>Names and forms</dt>
            <dd>{num(info.forms)}</dd>
          </div>
          <div>
            <dt>Packs</dt>
            <dd>{num(info.packs.length)}</dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd class="g-mono">{info.version}</dd>
          </div>
        </dl>
      )}

      <div class="g-transfer">
        <div class="g-transfer-buttons">
          <label class={`g-button${progress ? ' is-disabled' : ''}`}>
            Import pack
            <input
              ref={fileInput}
              type="file"
              accept=".json,.jsonl,.ndjson,application/json"
              class="g-visually-hidden"
              disabled={!!progress}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void state.importFile(file).finally(() => fileInput.current && (fileInput.current.value = ''));
              }}
            />
          </label>
          <span class="g-hint">A Gloss pack: JSON or JSON Lines, up to 50 MB.</span>
        </div>
        {progress && (
          <div class="g-progress-row">
            <progress
              class="g-progress"
              max={100}
              value={pct}
              aria-label={progress.phase === 'reading' ? 'Reading pack' : 'Saving pack'}
            />
            <span class="g-muted">
              {progress.phase === 'reading' ? 'Reading' : 'Saving entities'}… {pct}%
            </span>
          </div>
        )}
      </div>

      {state.message && (
        <p
          class={state.message.kind === 'error' ? 'g-error g-pre' : 'g-status'}
          role={state.message.kind === 'error' ? 'alert' : 'status'}
        >
          {state.message.text}
        </p>
      )}

      {info && info.packs.length === 0 && (
        <div class="g-empty" role="status">
          <p class="g-empty-title">The knowledge base is not loaded yet</p>
          <p class="g-muted">Gloss loads its bundled knowledge base in the background after it is installed or updated. Reopen this page in a moment.</p>
        </div>
      )}
      {info && info.packs.length > 0 && (
        <ul class="g-packs" aria-label="Packs">
          {info.packs.map((p) => (
            <PackRow key={p.id} pack={p} onRemove={(id) => void state.remove(id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
