/**
 * happy-dom's `showModal()` only sets `open`: no Escape. Browsers turn Escape in a modal
 * dialog into a cancelable `cancel` event and close the dialog unless it is cancelled; this
 * adds exactly that, so a test can press Escape as a person would. What it cannot add is
 * the rest of a modal (the inert page behind, focus kept inside): that is the browser's, and
 * the e2e specs check it in Chromium.
 */
const PATCHED = Symbol.for('siklus.dialogPolyfill');

function onEscape(this: HTMLDialogElement, event: KeyboardEvent) {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  if (this.dispatchEvent(new Event('cancel', { cancelable: true }))) this.close();
}

export function polyfillDialog(): void {
  if (typeof HTMLDialogElement === 'undefined') return;
  const proto: HTMLDialogElement & { [PATCHED]?: true } = HTMLDialogElement.prototype;
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const { showModal, close } = proto;
  proto.showModal = function (this: HTMLDialogElement) {
    // As in browsers: opening an open dialog is an error, not a no-op.
    if (this.open) throw new DOMException('The dialog is already open.', 'InvalidStateError');
    showModal.call(this);
    this.addEventListener('keydown', onEscape);
  };
  proto.close = function (this: HTMLDialogElement, returnValue?: string) {
    this.removeEventListener('keydown', onEscape);
    close.call(this, returnValue);
  };
}

polyfillDialog();
