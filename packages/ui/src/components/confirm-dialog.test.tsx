import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './confirm-dialog';

function setup(open = true) {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmDialog
      open={open}
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

describe('ConfirmDialog', () => {
  it('asks with a named, described dialog and starts on the safe choice', async () => {
    const { onConfirm, onCancel } = setup();
    const dialog = screen.getByRole('alertdialog', { name: 'Ajukan Siklus I?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(
      document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Siklus akan dikirim ke pengawas.');
    expect(document.activeElement?.textContent).toBe('Batal');
    await userEvent.click(screen.getByRole('button', { name: 'Ya, ajukan' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('Escape answers cancel', async () => {
    const { onCancel } = setup();
    await userEvent.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('renders nothing when closed', () => {
    setup(false);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
