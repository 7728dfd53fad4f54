import { ME, renderApp } from '@siklus/ui/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ioRoutes } from '../../routes/io';

const STUDY_ID = '00000000-0000-4000-8000-0000000000a1';
const CYCLE_ID = '00000000-0000-4000-8000-0000000000c1';
const FOCUS = 'Kemampuan guru mengimplementasikan pembelajaran kolaboratif';

const chapter = {
  title: 'BAB IV HASIL PENELITIAN DAN PEMBAHASAN',
  study: {
    id: STUDY_ID,
    title: 'Meningkatkan Kinerja Guru SD',
    focus: FOCUS,
    schoolYear: '2023/2024',
    schoolName: 'SD Negeri Lulut 2',
    npsn: '20201234',
  },
  intro: 'Penelitian tindakan sekolah ini dilaksanakan di SD Negeri Lulut 2.',
  tables: [
    {
      number: 1,
      caption: `Tabel 1. ${FOCUS} pada Kondisi Awal`,
      cycleId: CYCLE_ID,
      ordinal: 0,
      label: 'Kondisi Awal',
      rows: [
        { no: 1, name: 'Ismiati, S.Pd', className: null, percentage: '35.75', band: 'Kurang' },
        { no: 2, name: 'Lisda, S.Pd', className: null, percentage: '52.75', band: 'Cukup' },
      ],
      n: 2,
      mean: '44.25',
      meanBand: 'Kurang',
      bands: [
        { label: 'Kurang', count: 1, share: '50.00' },
        { label: 'Cukup', count: 1, share: '50.00' },
      ],
    },
  ],
  recap: null,
  gains: null,
  chart: {
    number: 1,
    caption: `Gambar 1. Grafik ${FOCUS.toLowerCase()} setiap guru per siklus dan rata-ratanya`,
    categories: ['Kondisi Awal'],
    teachers: [
      { name: 'Ismiati, S.Pd', values: ['35.75'] },
      { name: 'Lisda, S.Pd', values: ['52.75'] },
    ],
    means: ['44.25'],
  },
  criteria: {
    description: 'Rata-rata minimal 71,00',
    cycles: [
      {
        label: 'Kondisi Awal',
        met: false,
        message: 'Kriteria keberhasilan belum tercapai: rata-rata 44,25 di bawah minimal 71,00',
        results: [],
      },
    ],
  },
  stages: [
    {
      label: 'Kondisi Awal',
      status: 'disetujui',
      stages: [
        {
          key: 'planning',
          title: 'Perencanaan',
          date: '1 Agustus 2023',
          notes: 'Menyusun instrumen.',
        },
        { key: 'action', title: 'Pelaksanaan', date: null, notes: null },
        { key: 'observation', title: 'Observasi', date: null, notes: null },
        { key: 'reflection', title: 'Refleksi', date: null, notes: null },
      ],
      reviewComment: null,
    },
  ],
  conclusion: null,
  letterhead: {
    lines: ['PEMERINTAH KABUPATEN BOGOR', 'DINAS PENDIDIKAN'],
    address: 'Jl. Tegar Beriman No. 1, Cibinong',
    contact: 'Telepon (021) 8765432 · Email disdik@bogorkab.go.id',
    logo: {
      dataUrl:
        'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      width: 1,
      height: 1,
    },
  },
  signOff: {
    placeAndDate: 'Bogor, 3 Januari 2024',
    supervisor: {
      role: 'Pengawas Sekolah',
      name: 'Hj. Euis Komalasari, M.Pd',
      nip: '197805122005012003',
    },
    principal: { role: 'Kepala Sekolah', name: null, nip: null },
  },
};

describe('the printable results chapter', () => {
  it('shows captioned tables with Indonesian figures, the chart, criteria and stage notes, with print and downloads', async () => {
    renderApp(ioRoutes, {
      at: `/studies/${STUDY_ID}/report`,
      lang: 'en',
      api: { 'auth.me': () => ME.principal, 'io.resultsChapter': () => chapter },
    });
    expect(await screen.findByText(`Tabel 1. ${FOCUS} pada Kondisi Awal`)).toBeTruthy();
    // The UI is in English; the chapter stays an Indonesian document with decimal commas.
    expect(screen.getByRole('heading', { level: 1, name: 'Chapter IV: results' })).toBeTruthy();
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'NoNama GuruPersentaseKategori',
      '1Ismiati, S.Pd35,75Kurang',
      '2Lisda, S.Pd52,75Cukup',
      'Rata-rata44,25Kurang',
    ]);
    expect(screen.getByRole('figure', { name: chapter.chart.caption })).toBeTruthy();
    expect(screen.getByText(/rata-rata 44,25 di bawah minimal 71,00/)).toBeTruthy();
    expect(screen.getByText('Menyusun instrumen.')).toBeTruthy();
    // The letterhead heads the page; the signature block ends it, blank where nobody is known.
    expect(screen.getByText('PEMERINTAH KABUPATEN BOGOR')).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Logo of PEMERINTAH KABUPATEN BOGOR DINAS PENDIDIKAN' }),
    ).toBeTruthy();
    expect(screen.getByText('Bogor, 3 Januari 2024')).toBeTruthy();
    expect(screen.getByText('Mengetahui,')).toBeTruthy();
    expect(screen.getByText('Hj. Euis Komalasari, M.Pd')).toBeTruthy();
    expect(screen.getByText('NIP. 197805122005012003')).toBeTruthy();
    expect(screen.getByText('Kepala Sekolah')).toBeTruthy();
    expect(screen.getByText('Perencanaan (1 Agustus 2023)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print / save as PDF' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download Word (DOCX)' }).getAttribute('href')).toBe(
      `/export/studies/${STUDY_ID}/report.docx`,
    );
    expect(screen.getByRole('link', { name: 'XLSX' }).getAttribute('href')).toBe(
      `/export/cycles/${CYCLE_ID}/table.xlsx`,
    );
  });
});
