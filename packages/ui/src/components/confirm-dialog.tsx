import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';
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
 * labels come from the caller, so the component holds no strings of its own.
 *
 * A native `<dialog>` opened with `showModal()`: the browser makes the page behind inert (no
 * click, no Tab, hidden from screen readers) and turns Escape into a `cancel` event; Tab
 * and Shift+Tab wrap around its buttons (the browser would let them out to its toolbar). Escape and a click on the backdrop answer "cancel" (not while the
 * confirm action runs); focus starts on the cancel button, the safe choice, and returns to
 * what had it when the dialog closes.
 */
export function ConfirmDialog({ open, ...props }: ConfirmDialogProps) {
  // Mounted only while open: opening is `showModal()` on mount, closing is unmounting.
  return open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  confirmVariant = 'primary',
  busy = false,
  footer,
}: Omit<ConfirmDialogProps, 'open'>) {
  const titleId = useId();
  const bodyId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // showModal focuses the first focusable element, which may be a field of the body.
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      returnTo?.focus();
    };
  }, []);

  return (
    // The backdrop click is for pointers; the keyboard's way out is Escape (the cancel event).
    <dialog
      ref={dialogRef}
      className="sk-dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      onCancel={(event) => {
        // The caller's `open` decides; the browser must not close the dialog behind its back.
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onKeyDown={(event) => {
        // The page behind is inert, but Chromium lets Tab leave the last button for the
        // browser's own toolbar: wrap around instead, so the keyboard stays in the question.
        if (event.key !== 'Tab') return;
        const focusable = [
          ...event.currentTarget.querySelectorAll<HTMLElement>(
            'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])',
          ),
        ];
        const first = focusable[0];
        const last = focusable.at(-1);
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
      onClick={(event) => {
        // Only the backdrop is the dialog itself: the panel fills the rest.
        if (event.target === event.currentTarget && !busy) onCancel();
      }}
    >
      <div className="sk-dialog__panel">
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
    </dialog>
  );
}
