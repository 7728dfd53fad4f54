import { expect, test } from 'vitest';
import { detectDelimiter, numberText, readCsv } from './read-sheet';
import { fileSlug, toCsv } from './spreadsheet';

/** The small pure pieces of the import and export, table-driven. */

// Name matching and NIPs: packages/domain/src/teacher-names.test.ts.

test.each([
  [35.75, '35.75'],
  [35.75000000000001, '35.75'],
  [0.1 + 0.2, '0.3'],
  [100, '100'],
  [1e-7, '0.0000001'],
])('numberText(%s) = %s', (n, text) => {
  expect(numberText(n)).toBe(text);
});

test.each([
  ['No;Nama Guru;Persentase\n1;Ismiati, S.Pd;35,75\n', ';'],
  ['No,Nama Guru,Persentase\n1,"Ismiati, S.Pd","35,75"\n', ','],
  ['No\tNama\n1\tIsmiati\n', '\t'],
])('the separator of %j is %j', (text, d) => {
  expect(detectDelimiter(text)).toBe(d);
});

test('CSV in Windows-1252 (an old Excel) is read too', () => {
  const bytes = Uint8Array.from([
    ...Buffer.from('Nama;Persentase\nRen'),
    0xe9,
    ...Buffer.from(';40\n'),
  ]);
  expect(readCsv(bytes).rows).toEqual([
    ['Nama', 'Persentase'],
    ['René', '40'],
  ]);
});

test('CSV exports neutralise formulas in typed text, not negative figures', () => {
  const csv = toCsv({
    name: 'x',
    columns: [
      { header: 'Nama', kind: 'text' },
      { header: 'Peningkatan', kind: 'decimal' },
    ],
    rows: [['=HYPERLINK("http://x")', '-1.50']],
  });
  expect(Buffer.from(csv).toString('utf8')).toBe(
    '\uFEFFNama;Peningkatan\r\n"\'=HYPERLINK(""http://x"")";-1,50\r\n',
  );
});

test.each([
  ['SD Negeri Lulut 2', 'SDN-Lulut-2'],
  ['Kabupaten Bogor', 'Kabupaten-Bogor'],
  ['SD Islam Terpadu "Al-Fikri"', 'SD-Islam-Terpadu-Al-Fikri'],
])('fileSlug(%s) = %s', (text, slug) => {
  expect(fileSlug(text)).toBe(slug);
});
