import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../test/render';
import { ActionStatus, TOAST_MS, ToastProvider, useToast } from './toast';

function Trigger() {
  const toast = useToast();
  return (
    <>
      <button type="button" onClick={() => toast.show('Catatan tahapan tersimpan.')}>
        ok
      </button>
      <button type="button" onClick={() => toast.show('Gagal', { tone: 'error' })}>
        fail
      </button>
    </>
  );
}

describe('toasts', () => {
  afterEach(() => vi.useRealTimers());

  it('says news in the polite region that is there from the start, and leaves by itself', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderWithI18n(
      <ToastProvider>
        <Trigger />
      </ToastProvider>,
    );
    const region = screen.getByRole('region', { name: 'Notifikasi' });
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    await userEvent.click(screen.getByRole('button', { name: 'ok' }));
    expect(region.textContent).toContain('Catatan tahapan tersimpan.');
    act(() => vi.advanceTimersByTime(TOAST_MS + 10));
    expect(region.textContent).toBe('');
  });

  it('says an error assertively, keeps it until closed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderWithI18n(
      <ToastProvider>
        <Trigger />
      </ToastProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'fail' }));
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('aria-live')).toBe('assertive');
    act(() => vi.advanceTimersByTime(TOAST_MS * 3));
    expect(alert.textContent).toContain('Gagal');
    await userEvent.click(screen.getByRole('button', { name: 'Tutup' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('ActionStatus', () => {
  it('says "Tersimpan 10.42" by the button, and a refusal as an alert', () => {
    const at = new Date(2026, 0, 5, 10, 42);
    const { unmount } = renderWithI18n(<ActionStatus status={{ kind: 'saved', at }} />);
    expect(screen.getByRole('status').textContent).toBe('Tersimpan 10.42');
    expect(screen.queryByRole('alert')).toBeNull();
    unmount();
    renderWithI18n(
      <ActionStatus status={{ kind: 'error', message: 'Indikator 9 belum diisi.' }} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Indikator 9 belum diisi.');
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
