import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  /** A secondary line under the label (also read as the control's description). */
  hint?: string;
  disabled?: boolean;
  /** Shown before the label, e.g. a category dot. */
  icon?: ComponentChildren;
}

/** A labelled checkbox drawn as a switch; it stays a native checkbox for keyboards and readers. */
export function Switch({ label, checked, onChange, hint, disabled, icon }: SwitchProps) {
  const id = useId();
  return (
    <div class={`g-switch-row${disabled ? ' is-disabled' : ''}`}>
      <div class="g-switch-label">
        {icon}
        <span class="g-switch-text">
          {/* Only the label names the switch; the hint describes it, so tests and readers get "People", not "People …hint". */}
          <label class="g-switch-name" for={id}>
            {label}
          </label>
          {hint && (
            <span class="g-hint" id={`${id}-hint`}>
              {hint}
            </span>
          )}
        </span>
      </div>
      <input
        id={id}
        type="checkbox"
        class="g-switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    </div>
  );
}
