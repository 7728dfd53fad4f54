import Papa from 'papaparse';

export type SchoolCsvRow = {
  npsn: string;
  name: string;
  subdistrict: string;
  /** The row's number as the spreadsheet shows it (the header row is 1). */
  line: number;
};

type SchoolField = Exclude<keyof SchoolCsvRow, 'line'>;

export type SchoolCsvResult =
  | { ok: true; rows: SchoolCsvRow[] }
  | { ok: false; reason: 'empty' | 'columns'; missing: string[] };

/** Header names people use, in either language, for each field. */
const HEADERS: Record<SchoolField, string[]> = {
  npsn: ['npsn'],
  name: ['name', 'nama', 'nama sekolah', 'nama_sekolah', 'sekolah', 'school', 'school name'],
  subdistrict: ['subdistrict', 'kecamatan', 'kec', 'kec.', 'district'],
};

/** The fields in HEADERS' order, which is the order `missing` names them in. */
const FIELDS = ['npsn', 'name', 'subdistrict'] as const satisfies readonly SchoolField[];

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
  // Rows as arrays, blank lines kept, so each row keeps the number the spreadsheet shows.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const blank = (r: string[]) => r.every((c) => (c ?? '').trim() === '');
  const headerIndex = parsed.data.findIndex((r) => !blank(r));
  const header = (parsed.data[headerIndex] ?? []).map(normalize);
  const columnOf = (key: SchoolField) => {
    const i = header.findIndex((h) => HEADERS[key].includes(h));
    return i < 0 ? undefined : i;
  };
  const found = {
    npsn: columnOf('npsn'),
    name: columnOf('name'),
    subdistrict: columnOf('subdistrict'),
  };
  if (found.npsn === undefined || found.name === undefined || found.subdistrict === undefined) {
    const missing = FIELDS.filter((k) => found[k] === undefined);
    return { ok: false, reason: 'columns', missing };
  }
  const cell = (r: string[], i: number) => (r[i] ?? '').trim();
  const rows = parsed.data.flatMap((r, i) =>
    i <= headerIndex || blank(r)
      ? []
      : [
          {
            npsn: cell(r, found.npsn!),
            name: cell(r, found.name!),
            subdistrict: cell(r, found.subdistrict!),
            line: i + 1,
          },
        ],
  );
  if (rows.length === 0) return { ok: false, reason: 'empty', missing: [] };
  return { ok: true, rows };
}

export const SCHOOL_CSV_TEMPLATE =
  'npsn,nama,kecamatan\n20201234,SD Negeri Contoh 1,Cibinong\n20201235,SD Negeri Contoh 2,Cibinong\n';
