import { useId } from 'preact/hooks';
import { CATEGORIES } from '@/lib/kb/schema';
import { CATEGORY_LABELS } from '@/lib/categories';
import type { Settings } from '@/lib/settings';
import { CategoryDot } from './CategoryDot';
import { Switch } from './Switch';

export const HOVER_DELAYS = [150, 300, 500, 800] as const;

export interface SettingsControlsProps {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
  /** Whether to include the global on/off switch (the popup shows it in its header). */
  showGlobal?: boolean;
}

/** The global switch, one switch per category with its colour, and the card delay. */
export function SettingsControls({ settings, onChange, showGlobal = true }: SettingsControlsProps) {
  const delayId = useId();
  const off = !settings.enabled;
  // Keep a stored delay that is not one of the presets selectable rather than silently changing it.
  const delays = HOVER_DELAYS.includes(settings.hoverDelayMs as (typeof HOVER_DELAYS)[number])
    ? [...HOVER_DELAYS]
    : [...HOVER_DELAYS, settings.hoverDelayMs].sort((a, b) => a - b);
  return (
    <div class="g-settings">
      {showGlobal && (
        <Switch
          label="Enable Gloss"
          hint="Highlight names on news pages"
          checked={settings.enabled}
          onChange={(enabled) => onChange({ enabled })}
        />
      )}
      <fieldset class="g-fieldset" disabled={off}>
        <legend class="g-legend">Highlight</legend>
        {CATEGORIES.map((c) => (
          <Switch
            key={c}
            label={CATEGORY_LABELS[c]}
            icon={<CategoryDot category={c} />}
            checked={settings.categories[c]}
            disabled={off}
            onChange={(on) => onChange({ categories: { ...settings.categories, [c]: on } })}
          />
        ))}
      </fieldset>
      <div class="g-field-row">
        <label for={delayId}>Card delay</label>
        <select
          id={delayId}
          class="g-select"
          value={String(settings.hoverDelayMs)}
          onChange={(e) => onChange({ hoverDelayMs: Number(e.currentTarget.value) })}
        >
          {delays.map((ms) => (
            <option key={ms} value={String(ms)}>
              {ms} ms{ms === 300 ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
