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
      <label class="g-switch-label" for={id}>
        {icon}
        <span class="g-switch-text">
          <span class="g-switch-name">{label}</span>
          {hint && (
            <span class="g-hint" id={`${id}-hint`}>
              {hint}
            </span>
          )}
        </span>
      </label>
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
