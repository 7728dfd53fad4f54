import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../test/render';
import { DataTable, type DataTableColumn, decimalSorting } from './data-table';

interface School {
  name: string;
  mean: string;
  band: string;
}

const schools: School[] = Array.from({ length: 30 }, (_, i) => ({
  name: `SD ${String(i + 1).padStart(2, '0')}`,
  // 9.50, 12.50, ... exercises the string-vs-number trap ("9.50" > "53.48" as text).
  mean: (9.5 + i * 3).toFixed(2),
  band: i % 3 === 0 ? 'Baik' : i % 3 === 1 ? 'Sangat Baik' : 'Cukup',
}));

const columns: DataTableColumn<School>[] = [
  { accessorKey: 'name', header: 'Sekolah', meta: { filter: 'text' } },
  { accessorKey: 'mean', header: 'Rata-rata', sortingFn: decimalSorting, meta: { numeric: true } },
  {
    accessorKey: 'band',
    header: 'Kriteria',
    meta: {
      filter: {
        options: [
          { value: 'Baik', label: 'Baik' },
          { value: 'Sangat Baik', label: 'Sangat Baik' },
        ],
      },
    },
  },
];

function bodyRows() {
  const [, body] = screen.getAllByRole('rowgroup');
  return within(body!).getAllByRole('row');
}

function firstCells(index = 0) {
  return bodyRows().map((r) => within(r).getAllByRole('cell')[index]!.textContent);
}

describe('DataTable', () => {
  it('pages on the client: 10 rows, then the next 10', async () => {
    renderWithI18n(<DataTable data={schools} columns={columns} caption="Sekolah" pageSize={10} />);
    expect(bodyRows()).toHaveLength(10);
    expect(screen.getByText('1–10 dari 30')).toBeTruthy();
    expect(screen.getByText('Halaman 1 dari 3')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Sebelumnya/ })).toHaveProperty('disabled', true);

    await userEvent.click(screen.getByRole('button', { name: /Berikutnya/ }));
    expect(firstCells()[0]).toBe('SD 11');
    expect(screen.getByText('11–20 dari 30')).toBeTruthy();
  });

  it('sorts decimal strings as numbers, ascending then descending', async () => {
    renderWithI18n(<DataTable data={schools} columns={columns} caption="Sekolah" pageSize={50} />);
    const header = screen.getByRole('columnheader', { name: /Rata-rata/ });
    expect(header.getAttribute('aria-sort')).toBe('none');

    await userEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(firstCells(1).slice(0, 3)).toEqual(['9.50', '12.50', '15.50']);

    await userEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(firstCells(1)[0]).toBe('96.50');
  });

  it('filters by text and by an exact option', async () => {
    renderWithI18n(<DataTable data={schools} columns={columns} caption="Sekolah" pageSize={50} />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Saring Sekolah' }), 'SD 1');
    // SD 10..SD 19
    expect(bodyRows()).toHaveLength(10);
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Saring Sekolah' }));

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Saring Kriteria' }),
      'Baik',
    );
    // "Baik" must not match "Sangat Baik".
    expect(firstCells(2).every((band) => band === 'Baik')).toBe(true);
    expect(bodyRows()).toHaveLength(10);
  });

  it('in server mode reports page changes and shows the server total', async () => {
    const onPaginationChange = vi.fn();
    renderWithI18n(
      <DataTable
        data={schools.slice(0, 25)}
        columns={columns}
        caption="Sekolah"
        server={{ rowCount: 2000 }}
        pagination={{ pageIndex: 0, pageSize: 25 }}
        onPaginationChange={onPaginationChange}
      />,
      { lang: 'en' },
    );
    expect(screen.getByText('1–25 of 2,000')).toBeTruthy();
    expect(screen.getByText('Page 1 of 80')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: /Next/ }));
    const updater = onPaginationChange.mock.calls[0]![0];
    const next = typeof updater === 'function' ? updater({ pageIndex: 0, pageSize: 25 }) : updater;
    expect(next).toEqual({ pageIndex: 1, pageSize: 25 });
  });

  it('says so when there are no rows', () => {
    renderWithI18n(
      <DataTable data={[]} columns={columns} caption="Sekolah" empty="Belum ada sekolah." />,
    );
    expect(screen.getByText('Belum ada sekolah.')).toBeTruthy();
  });
});
