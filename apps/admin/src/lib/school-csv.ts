import Papa from 'papaparse';

export type SchoolCsvRow = { npsn: string; name: string; subdistrict: string };

export type SchoolCsvResult =
  | { ok: true; rows: SchoolCsvRow[] }
  | { ok: false; reason: 'empty' | 'columns'; missing: string[] };

/** Header names people use, in either language, for each field. */
const HEADERS: Record<keyof SchoolCsvRow, string[]> = {
  npsn: ['npsn'],
  name: ['name', 'nama', 'nama sekolah', 'nama_sekolah', 'sekolah', 'school', 'school name'],
  subdistrict: ['subdistrict', 'kecamatan', 'kec', 'kec.', 'district'],
};

/** The fields in HEADERS' order, which is the order `missing` names them in. */
const FIELDS = ['npsn', 'name', 'subdistrict'] as const satisfies readonly (keyof SchoolCsvRow)[];

const normalize = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/**
 * Reads a schools CSV in the browser (comma or semicolon, as Indonesian Excel saves it).
 * Only the shape is checked here; every cell is checked by the API's dry run, which names
 * the row of each problem.
 */
export function parseSchoolCsv(text: string): SchoolCsvResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: normalize,
  });
  const fields = parsed.meta.fields ?? [];
  const columnOf = (key: keyof SchoolCsvRow) => fields.find((f) => HEADERS[key].includes(f));
  const npsn = columnOf('npsn');
  const name = columnOf('name');
  const subdistrict = columnOf('subdistrict');
  if (npsn === undefined || name === undefined || subdistrict === undefined) {
    const found = { npsn, name, subdistrict };
    const missing = FIELDS.filter((k) => found[k] === undefined);
    return { ok: false, reason: 'columns', missing };
  }
  const rows = parsed.data.map((r) => ({
    npsn: (r[npsn] ?? '').trim(),
    name: (r[name] ?? '').trim(),
    subdistrict: (r[subdistrict] ?? '').trim(),
  }));
  if (rows.length === 0) return { ok: false, reason: 'empty', missing: [] };
  return { ok: true, rows };
}

export const SCHOOL_CSV_TEMPLATE =
  'npsn,nama,kecamatan\n20201234,SD Negeri Contoh 1,Cibinong\n20201235,SD Negeri Contoh 2,Cibinong\n';
