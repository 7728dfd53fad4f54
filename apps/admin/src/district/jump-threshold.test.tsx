import { ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../router';

describe('jump threshold (admin home)', () => {
  it('shows the current threshold, refuses a non-number at the field, and saves a new one', async () => {
    let jumpPoints = '35.00';
    const { calls } = renderApp(routes, {
      api: {
        'auth.me': () => ME.admin,
        'integrity.settings': () => ({
          jumpPoints,
          isDefault: jumpPoints === '35.00',
          defaultJumpPoints: '35.00',
        }),
        'integrity.updateSettings': (input: { jumpPoints: string }) => {
          jumpPoints = '22.50';
          return { jumpPoints: input.jumpPoints === '22,5' ? '22.50' : input.jumpPoints };
        },
      },
    });
    const field = await screen.findByLabelText('Lonjakan lebih dari (poin dalam satu siklus)');
    expect((field as HTMLInputElement).value).toBe('35');
    expect(screen.getByText('Saat ini memakai nilai bawaan.')).toBeTruthy();

    await userEvent.clear(field);
    await userEvent.type(field, 'dua puluh');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan ambang' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(calls.some((c) => c.path === 'integrity.updateSettings')).toBe(false);

    await userEvent.clear(field);
    await userEvent.type(field, '22,5');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan ambang' }));
    expect(await screen.findByText('Ambang disimpan: 22,5 poin.')).toBeTruthy();
    expect(calls.find((c) => c.path === 'integrity.updateSettings')?.input).toEqual({
      jumpPoints: '22,5',
    });
    expect(await screen.findByText('Saat ini: 22,5 poin.')).toBeTruthy();
  });
});
