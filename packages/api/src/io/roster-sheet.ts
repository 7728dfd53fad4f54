import {
  fromZodError,
  nameKey,
  normalizeNip,
  RosterIndex,
  type TRosterTeacher,
  ZTeacherFields,
} from '@siklus/domain';
import {
  columnLetter,
  fileProblem,
  type ImportProblem,
  importProblem,
  noTeacherRows,
} from './import-sheet';
import type { SheetGrid } from './read-sheet';

/**
 * Reads a roster sheet (one teacher per row: name, NIP, NUPTK, class or subject, gender)
 * against the school's roster and the district's NIPs. Pure: the preview shows its result,
 * and confirm runs it again before writing. Row numbers are the spreadsheet's own.
 */

export type RosterRowStatus = 'new' | 'existing' | 'problem';

export interface RosterSheetRow {
  row: number;
  name: string;
  nip: string | null;
  nuptk: string | null;
  className: string | null;
  gender: 'L' | 'P' | null;
  /** new: will be added; existing: already on the roster, left as it is. */
  status: RosterRowStatus;
  /** For `existing`: who it is on the roster. */
  teacherName: string | null;
}

export interface RosterSheetColumn {
  key: 'name' | 'nip' | 'nuptk' | 'className' | 'gender';
  header: string;
  column: string;
}

export interface RosterSheetResult {
  headerRow: number | null;
  columns: RosterSheetColumn[];
  rows: RosterSheetRow[];
  problems: ImportProblem[];
}

const key = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const HEADERS: Record<RosterSheetColumn['key'], string[]> = {
  name: ['nama guru', 'nama lengkap', 'nama', 'nama pendidik', 'guru', 'nama ptk', 'name'],
  nip: ['nip', 'nip guru'],
  nuptk: ['nuptk'],
  className: [
    'kelas',
    'kelas mapel',
    'kelas mata pelajaran',
    'mapel',
    'mata pelajaran',
    'jabatan',
    'tugas',
    'tugas mengajar',
    'guru kelas',
  ],
  gender: ['jk', 'l p', 'jenis kelamin', 'gender', 'kelamin'],
};

const GENDER: Record<string, 'L' | 'P'> = {
  l: 'L',
  lk: 'L',
  'laki laki': 'L',
  pria: 'L',
  p: 'P',
  pr: 'P',
  perempuan: 'P',
  wanita: 'P',
};

/**
 * A cell checked with the same schema teachers.create uses, so a file cannot bring in what
 * the form would refuse; the first message, or null.
 */
function fieldIssue(
  schema: typeof ZTeacherFields.name | typeof ZTeacherFields.className,
  value: string,
): { id: string; en: string } | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : fromZodError(parsed.error).messages;
}

export function interpretRosterSheet(
  grid: SheetGrid,
  opts: {
    /** The school's roster, inactive teachers included. */
    roster: readonly TRosterTeacher[];
    /** Teachers of the district (other schools included) holding any NIP of the file. */
    districtNips: ReadonlyMap<string, { name: string; schoolName: string; schoolId: string }>;
    schoolId: string;
  },
): RosterSheetResult {
  const problems: ImportProblem[] = [];
  const headerIndex = grid.rows
    .slice(0, 30)
    .findIndex((r) => r.some((c) => HEADERS.name.includes(key(c))));
  if (headerIndex < 0) {
    problems.push(
      fileProblem(
        'NO_HEADER',
        'Baris judul kolom tidak ditemukan: perlu kolom "Nama" (atau "Nama Guru"); kolom lain: NIP, NUPTK, Kelas/Mapel, L/P.',
        'No header row found: a "Nama" (or "Nama Guru") column is needed; other columns: NIP, NUPTK, Kelas/Mapel, L/P.',
      ),
    );
    return { headerRow: null, columns: [], rows: [], problems };
  }
  const header = grid.rows[headerIndex]!;
  const cols = new Map<RosterSheetColumn['key'], number>();
  for (const field of Object.keys(HEADERS) as RosterSheetColumn['key'][]) {
    // The most telling header wins ("Nama Guru" over "Guru").
    for (const h of HEADERS[field]) {
      const i = header.findIndex((c, j) => key(c) === h && ![...cols.values()].includes(j));
      if (i >= 0) {
        cols.set(field, i);
        break;
      }
    }
  }
  const columns = [...cols].map(([k, i]) => ({
    key: k,
    header: header[i]!,
    column: columnLetter(i),
  }));
  const cell = (cells: string[], field: RosterSheetColumn['key']) => {
    const i = cols.get(field);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const at = (field: RosterSheetColumn['key']) => cols.get(field) ?? null;
  const headerOf = (field: RosterSheetColumn['key']) => {
    const i = cols.get(field);
    return i === undefined ? null : header[i]!;
  };

  const index = new RosterIndex(opts.roster);
  const rows: RosterSheetRow[] = [];
  const seenNip = new Map<string, number>();
  const seenName = new Map<string, number>();
  for (let r = headerIndex + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const rowNumber = r + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    const out: ImportProblem[] = [];
    const name = cell(cells, 'name');
    const nipText = cell(cells, 'nip');
    const nuptkText = cell(cells, 'nuptk');
    const className = cell(cells, 'className') || null;
    const genderText = cell(cells, 'gender');

    if (name === '') {
      out.push(
        importProblem(
          rowNumber,
          at('name'),
          headerOf('name'),
          'MISSING_VALUE',
          'Nama guru belum diisi.',
          'The teacher name is empty.',
        ),
      );
    } else {
      const bad = fieldIssue(ZTeacherFields.name, name);
      if (bad) {
        out.push(
          importProblem(rowNumber, at('name'), headerOf('name'), 'INVALID_VALUE', bad.id, bad.en),
        );
      }
    }
    const nipDigits = nipText.replace(/[\s.-]+/g, '');
    const nip = nipText === '' || nipText === '-' ? null : nipDigits;
    if (nip !== null && !/^\d{18}$/.test(nip)) {
      out.push(
        importProblem(
          rowNumber,
          at('nip'),
          headerOf('nip'),
          'INVALID_VALUE',
          `NIP "${nipText}" harus 18 angka.`,
          `NIP "${nipText}" must be 18 digits.`,
        ),
      );
    }
    const nuptkDigits = nuptkText.replace(/[\s.-]+/g, '');
    const nuptk = nuptkText === '' || nuptkText === '-' ? null : nuptkDigits;
    if (nuptk !== null && !/^\d{16}$/.test(nuptk)) {
      out.push(
        importProblem(
          rowNumber,
          at('nuptk'),
          headerOf('nuptk'),
          'INVALID_VALUE',
          `NUPTK "${nuptkText}" harus 16 angka.`,
          `NUPTK "${nuptkText}" must be 16 digits.`,
        ),
      );
    }
    const badClass = className === null ? null : fieldIssue(ZTeacherFields.className, className);
    if (badClass) {
      out.push(
        importProblem(
          rowNumber,
          at('className'),
          headerOf('className'),
          'INVALID_VALUE',
          badClass.id,
          badClass.en,
        ),
      );
    }
    const gender = genderText === '' ? null : (GENDER[key(genderText)] ?? undefined);
    if (gender === undefined) {
      out.push(
        importProblem(
          rowNumber,
          at('gender'),
          headerOf('gender'),
          'INVALID_VALUE',
          `Jenis kelamin "${genderText}": tulis L atau P.`,
          `Gender "${genderText}": write L or P.`,
        ),
      );
    }

    // Who: already on this roster (by NIP, else by name), or new.
    let status: RosterRowStatus = 'new';
    let teacherName: string | null = null;
    if (name !== '') {
      const match = index.match(name, nip ?? '');
      if (match.kind === 'matched') {
        status = 'existing';
        teacherName = match.teacher.name;
      }
    }
    if (status === 'new' && nip !== null && /^\d{18}$/.test(nip)) {
      const holder = opts.districtNips.get(nip);
      const first = seenNip.get(nip);
      if (first !== undefined) {
        out.push(
          importProblem(
            rowNumber,
            at('nip'),
            headerOf('nip'),
            'DUPLICATE_TEACHER',
            `NIP ${nip} sudah ada pada baris ${first}.`,
            `NIP ${nip} is already on row ${first}.`,
          ),
        );
      } else if (holder) {
        const where = holder.schoolId === opts.schoolId ? 'sekolah ini' : holder.schoolName;
        const whereEn = holder.schoolId === opts.schoolId ? 'this school' : holder.schoolName;
        out.push(
          importProblem(
            rowNumber,
            at('nip'),
            headerOf('nip'),
            'NIP_TAKEN',
            `NIP ${nip} sudah dipakai ${holder.name} di ${where}.`,
            `NIP ${nip} already belongs to ${holder.name} at ${whereEn}.`,
          ),
        );
      }
      seenNip.set(nip, rowNumber);
    }
    if (status === 'new' && name !== '') {
      const k = nameKey(name);
      const first = seenName.get(k);
      if (first !== undefined && nip === null) {
        out.push(
          importProblem(
            rowNumber,
            at('name'),
            headerOf('name'),
            'DUPLICATE_TEACHER',
            `"${name}" sudah ada pada baris ${first}; bedakan dengan NIP bila memang dua orang.`,
            `"${name}" is already on row ${first}; tell them apart by NIP if they are two people.`,
          ),
        );
      }
      if (first === undefined) seenName.set(k, rowNumber);
    }
    problems.push(...out);
    rows.push({
      row: rowNumber,
      name,
      nip: nip !== null && /^\d{18}$/.test(nip) ? nip : null,
      nuptk: nuptk !== null && /^\d{16}$/.test(nuptk) ? nuptk : null,
      className,
      gender: gender ?? null,
      status: out.length > 0 ? 'problem' : status,
      teacherName,
    });
  }
  if (rows.length === 0) {
    problems.push(noTeacherRows());
  }
  return { headerRow: headerIndex + 1, columns, rows, problems };
}

/** The NIPs of a file's rows, for the one query that finds who in the district holds them. */
export function nipsOf(grid: SheetGrid): string[] {
  const nips = new Set<string>();
  for (const row of grid.rows) {
    for (const c of row) {
      const n = normalizeNip(c);
      if (n && n.length === 18) nips.add(n);
    }
  }
  return [...nips];
}
