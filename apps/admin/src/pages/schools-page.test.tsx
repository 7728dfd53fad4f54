import { FakeApiError, ME, renderApp } from '@siklus/ui/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseSchoolCsv } from '../lib/school-csv';
import { routes } from '../router';

const page = { items: [], total: 0, limit: 25, offset: 0 };

describe('parseSchoolCsv', () => {
  it('reads Indonesian headers with semicolons and a BOM, and names missing columns', () => {
    expect(
      parseSchoolCsv('\uFEFFNPSN;Nama Sekolah;Kecamatan\n20201234; SD Satu ;Cibinong\n\n'),
    ).toEqual({
      ok: true,
      rows: [{ npsn: '20201234', name: 'SD Satu', subdistrict: 'Cibinong', line: 2 }],
    });
    // Rows keep the spreadsheet's own numbers: a blank line and one above the header count.
    const spaced = parseSchoolCsv(
      '\nnpsn,nama,kecamatan\n20201234,SD A,Cibinong\n\n2020X,SD B,Cibinong',
    );
    expect(spaced.ok && spaced.rows.map((r) => [r.line, r.npsn])).toEqual([
      [3, '20201234'],
      [5, '2020X'],
    ]);
    expect(parseSchoolCsv('npsn,nama\n1,2')).toEqual({
      ok: false,
      reason: 'columns',
      missing: ['subdistrict'],
    });
  });
});

describe('schools page', () => {
  it('bulk add: a dry run reports every bad row, and nothing is sent for real until all rows pass', async () => {
    const bulk: unknown[] = [];
    const { calls } = renderApp(routes, {
      at: '/schools',
      api: {
        'auth.me': () => ME.admin,
        'schools.list': () => page,
        'schools.subdistricts': () => [],
        'schools.bulkCreate': (input) => {
          bulk.push(input);
          const { rows } = input as { rows: { npsn: string; line: number }[] };
          const bad = rows.find((r) => !/^\d{8}$/.test(r.npsn));
          if (bad) {
            return {
              created: 0,
              valid: false,
              errors: [
                {
                  row: bad.line,
                  field: 'npsn',
                  messages: { id: 'NPSN harus 8 angka', en: 'NPSN must be 8 digits' },
                },
              ],
            };
          }
          return (input as { dryRun: boolean }).dryRun
            ? { created: 0, valid: true, errors: [] }
            : { created: rows.length, valid: true, errors: [] };
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Impor CSV' }));
    const paste = screen.getByLabelText(/Atau tempel isi CSV/);
    await userEvent.click(paste);
    await userEvent.paste('npsn,nama,kecamatan\n20201234,SD A,Cibinong\n2020X,SD B,Cibinong');
    await userEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    const report = await screen.findByRole('table', { name: 'Masalah per baris' });
    const row = within(report).getAllByRole('row')[1] as HTMLElement;
    // The spreadsheet's own row number: the header is row 1, so the bad row is row 3.
    expect(within(row).getAllByRole('cell')[0]!.textContent).toBe('3');
    expect(row.textContent).toContain('2020X');
    expect(row.textContent).toContain('NPSN harus 8 angka');
    expect(screen.queryByRole('button', { name: /Tambahkan/ })).toBeNull();
    expect(bulk).toHaveLength(1);
    expect((bulk[0] as { dryRun: boolean }).dryRun).toBe(true);

    await userEvent.clear(paste);
    await userEvent.paste('npsn,nama,kecamatan\n20201234,SD A,Cibinong\n20201235,SD B,Cibinong');
    await userEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Tambahkan 2 sekolah' }));
    expect(await screen.findByText('2 sekolah ditambahkan.')).toBeTruthy();
    expect(bulk.map((b) => (b as { dryRun: boolean }).dryRun)).toEqual([true, true, false]);
    expect(calls.filter((c) => c.path === 'schools.bulkCreate')).toHaveLength(3);
  });

  it("adds a school, showing the API's conflict next to the NPSN field", async () => {
    renderApp(routes, {
      at: '/schools',
      api: {
        'auth.me': () => ME.admin,
        'schools.list': () => page,
        'subdistricts.list': () => [
          { id: 'k1', districtId: 'd', name: 'Cibinong', active: true, schoolCount: 3 },
          { id: 'k2', districtId: 'd', name: 'Ciawi', active: false, schoolCount: 1 },
        ],
        'schools.create': () => {
          throw new FakeApiError(
            'CONFLICT',
            { id: 'NPSN 20201234 sudah terdaftar untuk sekolah lain.', en: 'taken' },
            'npsn',
          );
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Tambah sekolah' }));
    const form = screen.getByRole('button', { name: 'Batal' }).closest('form') as HTMLElement;
    await userEvent.type(within(form).getByLabelText(/NPSN/), '20201234');
    await userEvent.type(within(form).getByLabelText(/Nama sekolah/), 'SD Negeri Baru');
    // Kecamatan is picked from the district's list; a deactivated one is not offered.
    const kecamatan = within(form).getByLabelText(/Kecamatan/);
    expect(
      within(kecamatan)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Pilih kecamatan…', 'Cibinong']);
    await userEvent.selectOptions(kecamatan, 'Cibinong');
    await userEvent.click(within(form).getByRole('button', { name: 'Tambah sekolah' }));
    const npsn = within(form).getByLabelText(/NPSN/);
    expect(
      await within(form).findByText('NPSN 20201234 sudah terdaftar untuk sekolah lain.'),
    ).toBeTruthy();
    expect(npsn.getAttribute('aria-invalid')).toBe('true');
    // The API's refusal names the field: it takes the focus, and the alert does not repeat it.
    expect(document.activeElement).toBe(npsn);
    expect(
      within(form).getAllByText('NPSN 20201234 sudah terdaftar untuk sekolah lain.'),
    ).toHaveLength(1);
  });
});
