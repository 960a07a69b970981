export interface ToastProps {
  text: string;
  actionLabel: string;
  onAction(): void;
  onDismiss(): void;
}

/** A small bottom toast with one action (e.g. "Undo"), announced politely to screen readers. */
export function Toast({ text, actionLabel, onAction, onDismiss }: ToastProps) {
  return (
    <div class="g-toast" role="status">
      <span>{text}</span>
      <button type="button" class="g-button g-toast-action" onClick={onAction}>
        {actionLabel}
      </button>
      <button type="button" class="g-toast-close" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
