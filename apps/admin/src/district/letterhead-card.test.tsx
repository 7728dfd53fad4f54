import type { RouterInputs, RouterOutputs } from '@siklus/client';
import { ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../router';

type TLetterhead = RouterOutputs['district']['letterhead'];

const EMPTY: TLetterhead = {
  office: null,
  address: null,
  phone: null,
  email: null,
  website: null,
  place: null,
  logo: null,
};

describe('report letterhead (admin home)', () => {
  it('refuses a missing office and place at the field, then saves the kop surat', async () => {
    let saved: TLetterhead = EMPTY;
    const { calls } = renderApp(routes, {
      api: {
        'auth.me': () => ME.admin,
        'district.get': () => ({
          id: ME.admin.districtId,
          name: 'Kabupaten Bogor',
          province: 'Jawa Barat',
          timeZone: 'Asia/Jakarta',
          reviewWaitDays: 7,
        }),
        'integrity.settings': () => ({
          jumpPoints: '35.00',
          isDefault: true,
          defaultJumpPoints: '35.00',
        }),
        'district.letterhead': () => saved,
        'district.setLetterhead': (input: RouterInputs['district']['setLetterhead']) => {
          saved = { ...input, logo: null };
          return saved;
        },
      },
    });
    const office = await screen.findByLabelText('Nama instansi');
    const save = () =>
      userEvent.click(
        screen
          .getAllByRole('button', { name: 'Simpan' })
          .find((b) => b.closest('form')?.contains(office))!,
      );
    await save();
    await waitFor(() => expect(office.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/Nama instansi wajib diisi/)).toBeTruthy();
    expect(screen.getByText(/Tempat penandatanganan wajib diisi/)).toBeTruthy();
    expect(calls.some((c) => c.path === 'district.setLetterhead')).toBe(false);

    await userEvent.type(office, 'PEMERINTAH KABUPATEN BOGOR{Enter}DINAS PENDIDIKAN');
    await userEvent.type(screen.getByLabelText('Alamat'), 'Jl. Tegar Beriman No. 1, Cibinong');
    await userEvent.type(screen.getByLabelText('Email'), 'disdik@bogorkab.go.id');
    await userEvent.type(screen.getByLabelText('Tempat penandatanganan'), 'Bogor');
    await save();
    expect(await screen.findByText('Kop surat tersimpan.')).toBeTruthy();
    expect(calls.find((c) => c.path === 'district.setLetterhead')?.input).toEqual({
      office: 'PEMERINTAH KABUPATEN BOGOR\nDINAS PENDIDIKAN',
      address: 'Jl. Tegar Beriman No. 1, Cibinong',
      phone: null,
      email: 'disdik@bogorkab.go.id',
      website: null,
      place: 'Bogor',
    });
  });

  it('says a logo over 512 KB is too large without sending it', async () => {
    const { calls } = renderApp(routes, {
      api: {
        'auth.me': () => ME.admin,
        'district.letterhead': () => EMPTY,
      },
    });
    const input = await screen.findByLabelText('Logo');
    expect(screen.getByText('Belum ada logo.')).toBeTruthy();
    const big = new File([new Uint8Array(600 * 1024)], 'logo.png', { type: 'image/png' });
    await userEvent.upload(input as HTMLInputElement, big);
    expect(await screen.findByText(/Logo paling besar 512 KB/)).toBeTruthy();
    expect(calls.some((c) => c.path === 'district.setLogo')).toBe(false);
  });
});
