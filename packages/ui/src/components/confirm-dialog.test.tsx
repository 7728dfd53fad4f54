import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './confirm-dialog';

function setup({ open = true, busy = false }: { open?: boolean; busy?: boolean } = {}) {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmDialog
      open={open}
      busy={busy}
      title="Ajukan Siklus I?"
      confirmLabel="Ya, ajukan"
      cancelLabel="Batal"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>Siklus akan dikirim ke pengawas.</p>
    </ConfirmDialog>,
  );
  return { onConfirm, onCancel };
}

/** A page with a button that opens the dialog, as the cycle page does. */
function Page() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Ajukan
      </button>
      <ConfirmDialog
        open={open}
        title="Ajukan Siklus I?"
        confirmLabel="Ya, ajukan"
        cancelLabel="Batal"
        onConfirm={() => setOpen(false)}
        onCancel={() => setOpen(false)}
      >
        <label>
          Alasan
          <textarea />
        </label>
      </ConfirmDialog>
    </>
  );
}

describe('ConfirmDialog', () => {
  it('opens a native modal dialog, named and described, starting on the safe choice', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    const { onConfirm, onCancel } = setup();
    const dialog = screen.getByRole('alertdialog', { name: 'Ajukan Siklus I?' });
    expect(dialog).toBeInstanceOf(HTMLDialogElement);
    // showModal, not show: the browser makes the page behind inert and keeps focus inside.
    expect(showModal).toHaveBeenCalledTimes(1);
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(
      document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Siklus akan dikirim ke pengawas.');
    expect(document.activeElement?.textContent).toBe('Batal');
    await userEvent.click(screen.getByRole('button', { name: 'Ya, ajukan' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
    showModal.mockRestore();
  });

  it('Escape answers cancel and leaves closing to the caller', async () => {
    const { onCancel } = setup();
    await userEvent.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    // The cancel event was cancelled: the dialog stays open until `open` turns false.
    expect(screen.getByRole<HTMLDialogElement>('alertdialog').open).toBe(true);
  });

  it('a click on the backdrop answers cancel; a click inside does not', async () => {
    const { onCancel } = setup();
    await userEvent.click(screen.getByText('Siklus akan dikirim ke pengawas.'));
    expect(onCancel).not.toHaveBeenCalled();
    // A click on ::backdrop reaches the dialog element itself.
    fireEvent.click(screen.getByRole('alertdialog'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('cannot be cancelled while the confirm action runs', async () => {
    const { onCancel } = setup({ busy: true });
    await userEvent.keyboard('{Escape}');
    fireEvent.click(screen.getByRole('alertdialog'));
    expect(onCancel).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Batal' })).toHaveProperty('disabled', true);
  });

  it('starts on cancel even when the body has a field, and gives focus back on close', async () => {
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Ajukan' });
    await userEvent.click(opener);
    expect(document.activeElement?.textContent).toBe('Batal');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab and Shift+Tab inside, wrapping around its buttons', () => {
    setup();
    const cancel = screen.getByRole('button', { name: 'Batal' });
    const confirm = screen.getByRole('button', { name: 'Ya, ajukan' });
    confirm.focus();
    fireEvent.keyDown(confirm, { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
  });

  it('renders nothing when closed', () => {
    setup({ open: false });
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
