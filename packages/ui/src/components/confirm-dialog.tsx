import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button, type ButtonVariant } from './button';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** `danger` for a choice that loses work (leave without saving). */
  confirmVariant?: ButtonVariant;
  /** The confirm action is running: its button shows a spinner. */
  busy?: boolean;
  /** Shown under the body, e.g. the API's refusal. */
  footer?: ReactNode;
}

/**
 * A modal question with two answers (submit a cycle? leave with unsaved changes?). The
 * labels come from the caller, so the component holds no strings of its own. Escape and the
 * backdrop answer "cancel"; focus starts on the cancel button, the safe choice.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  confirmVariant = 'primary',
  busy = false,
  footer,
}: ConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onCancel]);
  if (!open) return null;
  return (
    <div className="sk-dialog-backdrop">
      <div
        className="sk-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={children ? bodyId : undefined}
      >
        <h2 id={titleId} className="sk-dialog__title">
          {title}
        </h2>
        {children && (
          <div id={bodyId} className="sk-dialog__body">
            {children}
          </div>
        )}
        {footer}
        <div className="sk-dialog__actions">
          {/* A plain button: Button does not take a ref, and the safe choice gets focus. */}
          <button
            ref={cancelRef}
            type="button"
            className="sk-btn sk-btn--secondary"
            onClick={onCancel}
            disabled={busy}
          >
            {cancelLabel}
          </button>
          <Button variant={confirmVariant} onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  );
}
