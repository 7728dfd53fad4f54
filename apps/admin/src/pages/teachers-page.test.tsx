import type { RouterOutputs } from '@siklus/client';
import { FakeApiError, ME, renderApp } from '@siklus/ui/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../router';

const SCHOOL = {
  id: '00000000-0000-4000-8000-0000000000a1',
  npsn: '20201234',
  name: 'SD Negeri Lulut 2',
  subdistrict: 'Klapanunggal',
  active: true,
  teacherCount: 1,
};
type TTeacher = RouterOutputs['teachers']['list'][number];

const teacher = (over: Partial<TTeacher> = {}): TTeacher => ({
  id: '00000000-0000-4000-8000-000000000001',
  schoolId: SCHOOL.id,
  name: 'Siti Aminah, S.Pd',
  className: 'Guru Kelas 1',
  nip: null,
  nuptk: null,
  gender: 'P',
  active: true,
  sortOrder: 1,
  ...over,
});

describe('a school roster kept by an admin', () => {
  it('finds the school from the Guru section, then opens its roster', async () => {
    const { calls } = renderApp(routes, {
      at: '/teachers',
      api: {
        'auth.me': () => ME.admin,
        'schools.list': () => ({ items: [SCHOOL], total: 1, limit: 20, offset: 0 }),
        'schools.get': () => SCHOOL,
        'teachers.list': () => [teacher()],
      },
    });
    await userEvent.type(await screen.findByLabelText('Cari sekolah (NPSN atau nama)'), 'Lulut');
    await userEvent.click(
      await screen.findByRole('link', { name: 'Daftar guru SD Negeri Lulut 2' }),
    );
    expect(await screen.findByRole('heading', { name: 'Guru SD Negeri Lulut 2' })).toBeTruthy();
    expect(await screen.findByText('Siti Aminah, S.Pd')).toBeTruthy();
    const searches = calls.filter((c) => c.path === 'schools.list').map((c) => c.input);
    expect(searches.at(-1)).toMatchObject({ search: 'Lulut' });
  });

  it('adds a teacher with every field, and shows the NIP clash next to the NIP', async () => {
    const created: unknown[] = [];
    renderApp(routes, {
      at: `/schools/${SCHOOL.id}/teachers`,
      api: {
        'auth.me': () => ME.admin,
        'schools.get': () => SCHOOL,
        'teachers.list': () => [teacher()],
        'teachers.create': (input) => {
          created.push(input);
          if (created.length === 1) {
            throw new FakeApiError(
              'CONFLICT',
              {
                id: 'NIP 198001012005012001 sudah dipakai guru lain di kabupaten ini',
                en: 'NIP 198001012005012001 already belongs to another teacher of this district',
              },
              'nip',
            );
          }
          return teacher({ id: '00000000-0000-4000-8000-000000000002', name: 'Budi' });
        },
      },
    });
    expect(await screen.findByRole('heading', { name: 'Guru SD Negeri Lulut 2' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tambah guru' }));
    await userEvent.type(screen.getByLabelText(/Nama lengkap dengan gelar/), 'Budi, S.Pd');
    await userEvent.type(screen.getByLabelText(/Kelas \/ mata pelajaran/), 'PJOK');
    await userEvent.selectOptions(screen.getByLabelText('Jenis kelamin'), 'L');
    await userEvent.type(screen.getByLabelText(/^NIP/), '19800101 200501 2 001');
    const form = screen.getByLabelText(/Nama lengkap dengan gelar/).closest('form') as HTMLElement;
    await userEvent.click(within(form).getByRole('button', { name: 'Tambah guru' }));
    expect(await screen.findByText(/sudah dipakai guru lain/)).toBeTruthy();
    expect(created[0]).toEqual({
      schoolId: SCHOOL.id,
      name: 'Budi, S.Pd',
      className: 'PJOK',
      nip: '198001012005012001',
      nuptk: null,
      gender: 'L',
    });
  });

  it('asks before deactivating, saying the observations stay', async () => {
    const calls: unknown[] = [];
    renderApp(routes, {
      at: `/schools/${SCHOOL.id}/teachers`,
      api: {
        'auth.me': () => ME.admin,
        'schools.get': () => SCHOOL,
        'teachers.list': () => [teacher()],
        'teachers.setActive': (input) => {
          calls.push(input);
          return teacher({ active: false });
        },
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Nonaktifkan Siti Aminah, S.Pd' }),
    );
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Observasi yang sudah ada tetap tersimpan');
    expect(calls).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Nonaktifkan' }));
    expect(await screen.findByText(/dinonaktifkan: observasinya tetap tersimpan/)).toBeTruthy();
    expect(calls).toEqual([{ teacherId: teacher().id, active: false }]);
  });

  it('imports a roster file: preview first, then adds the new teachers', async () => {
    const preview: RouterOutputs['teachers']['previewImport'] = {
      fileName: 'guru.csv',
      sheetName: null,
      headerRow: 1,
      columns: [],
      rows: [
        {
          row: 2,
          name: 'Siti Aminah, S.Pd',
          nip: null,
          nuptk: null,
          className: 'Guru Kelas 1',
          gender: 'P',
          status: 'existing',
          teacherName: 'Siti Aminah, S.Pd',
        },
        {
          row: 3,
          name: 'Budi',
          nip: null,
          nuptk: null,
          className: 'PJOK',
          gender: 'L',
          status: 'new',
          teacherName: null,
        },
      ],
      problems: [],
      added: 1,
      ok: true,
    };
    const { calls } = renderApp(routes, {
      at: `/schools/${SCHOOL.id}/teachers`,
      api: {
        'auth.me': () => ME.admin,
        'schools.get': () => SCHOOL,
        'teachers.list': () => [teacher()],
        'teachers.previewImport': () => preview,
        'teachers.confirmImport': () => ({ added: 1, teachers: [{ id: 'x', name: 'Budi' }] }),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Impor dari Excel/CSV' }));
    const add = screen.getByRole('button', { name: 'Tambahkan 0 guru' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    await userEvent.upload(
      screen.getByLabelText(/Pilih berkas/),
      new File(['Nama;L/P\nBudi;L\n'], 'guru.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByText('1 guru baru · 1 sudah ada · 0 masalah')).toBeTruthy();
    expect(screen.getByText('Sudah ada: Siti Aminah, S.Pd')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tambahkan 1 guru' }));
    expect(await screen.findByText('1 guru ditambahkan dari berkas.')).toBeTruthy();
    const sent = calls.find((c) => c.path === 'teachers.confirmImport')?.input;
    expect(sent).toMatchObject({ schoolId: SCHOOL.id, fileName: 'guru.csv' });
  });
});
