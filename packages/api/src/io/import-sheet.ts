import {
  classify,
  isAppError,
  listIndicators,
  parsePercentage,
  scoreObservation,
  summarizeCycle,
  type TBandSet,
  type TCycleSummary,
  type TListedIndicator,
  type TObservationInput,
  type TRubricDefinition,
} from '@siklus/domain';
import { normalizeName, type RosterIndex } from './match-teacher';
import type { SheetGrid } from './read-sheet';

/**
 * Reads an observation sheet's grid against a study's rubric and a school's roster: which
 * row is which teacher, what each scored, and every problem by row and column. Pure: the
 * preview shows its result, and the confirm step runs it again on the server before writing.
 */

export type ImportProblemCode =
  | 'NO_HEADER'
  | 'MISSING_COLUMN'
  | 'NO_ROWS'
  | 'UNKNOWN_TEACHER'
  | 'AMBIGUOUS_TEACHER'
  | 'DUPLICATE_TEACHER'
  | 'MISSING_VALUE'
  | 'NOT_A_NUMBER'
  | 'OFF_SCALE'
  | 'TOO_MANY_DECIMALS';

export interface ImportProblem {
  /** The spreadsheet row number (1-based, as Excel shows it); null for the whole file. */
  row: number | null;
  /** The column's letter as Excel shows it ("C"), or null. */
  column: string | null;
  /** The column's header text, for people ("Persentase", "A1"). */
  header: string | null;
  code: ImportProblemCode;
  message: { id: string; en: string };
}

export interface ImportColumn {
  /** 'name' | 'nip' | 'percentage' | an indicator key. */
  key: string;
  header: string;
  column: string;
}

export interface ImportRow {
  row: number;
  name: string;
  nip: string;
  teacherId: string | null;
  teacherName: string | null;
  matchedBy: 'nip' | 'name' | null;
  /** The cells read, by column key, as typed. */
  values: Record<string, string>;
  /** Computed by the domain package when the row has no problem; else null. */
  percentage: string | null;
  band: string | null;
  /** What confirm writes: null when the row has a problem. */
  observation: TObservationInput | null;
}

export interface ImportResult {
  mode: 'summary' | 'indicators';
  headerRow: number | null;
  columns: ImportColumn[];
  rows: ImportRow[];
  problems: ImportProblem[];
  /** Figures of the rows without problems (domain summary). */
  summary: TCycleSummary;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const key = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const NAME_HEADERS = [
  'nama guru',
  'nama',
  'guru',
  'nama lengkap',
  'teacher',
  'name',
  'teacher name',
];
const NIP_HEADERS = ['nip', 'nip guru', 'nip nuptk'];
const PERCENT_HEADERS = [
  'persentase',
  'persentase capaian',
  'persentase %',
  'nilai akhir',
  'capaian',
  'nilai',
  'skor',
  'percentage',
  'score',
];
/** Rows under the table that carry figures, not teachers (the paper's "Rata-rata"). */
const FOOTER_WORDS = ['rata rata', 'rerata', 'jumlah', 'total', 'mean', 'average', 'rata2'];

const NA_TEXT = new Set(['na', 'n a', 'tidak berlaku', 'tb']);

function isPercentHeader(h: string): boolean {
  const k = key(h);
  return PERCENT_HEADERS.includes(k) || k.startsWith('persentase') || k.startsWith('percentage');
}

/** The indicator a header names: its key as the first word ("A1", "A1. Merumuskan..."). */
function indicatorOf(header: string, indicators: TListedIndicator[]): TListedIndicator | undefined {
  const first =
    header
      .trim()
      .split(/[\s.:)\-–]+/)[0]
      ?.toLowerCase() ?? '';
  const byKey = indicators.find((i) => i.key.toLowerCase() === first);
  if (byKey) return byKey;
  const k = key(header);
  return indicators.find((i) => key(i.text) === k);
}

const p = (
  row: number | null,
  col: number | null,
  header: string | null,
  code: ImportProblemCode,
  id: string,
  en: string,
): ImportProblem => ({
  row,
  column: col === null ? null : columnLetter(col),
  header,
  code,
  message: { id, en },
});

export function interpretSheet(
  grid: SheetGrid,
  opts: { definition: TRubricDefinition; bandSet: TBandSet; roster: RosterIndex },
): ImportResult {
  const { definition, bandSet, roster } = opts;
  const mode = definition.mode;
  const indicators = mode === 'indicators' ? listIndicators(definition) : [];
  const problems: ImportProblem[] = [];
  const empty = (): ImportResult => ({
    mode,
    headerRow: null,
    columns: [],
    rows: [],
    problems,
    summary: summarizeCycle([], bandSet),
  });

  // The header: the first of the top rows with a teacher-name or NIP column.
  const headerIndex = grid.rows
    .slice(0, 30)
    .findIndex((r) => r.some((c) => NAME_HEADERS.includes(key(c)) || NIP_HEADERS.includes(key(c))));
  if (headerIndex < 0) {
    problems.push(
      p(
        null,
        null,
        null,
        'NO_HEADER',
        'Baris judul kolom tidak ditemukan: perlu kolom "Nama Guru" (atau "NIP"). Gunakan templat dari Siklus.',
        'No header row found: a "Nama Guru" (or "NIP") column is needed. Use the template from Siklus.',
      ),
    );
    return empty();
  }
  const header = grid.rows[headerIndex]!;
  const headerRow = headerIndex + 1;
  const find = (test: (h: string) => boolean) => header.findIndex((h) => h !== '' && test(h));
  const nameCol = find((h) => NAME_HEADERS.includes(key(h)));
  const nipCol = find((h) => NIP_HEADERS.includes(key(h)));

  const columns: ImportColumn[] = [];
  if (nameCol >= 0)
    columns.push({ key: 'name', header: header[nameCol]!, column: columnLetter(nameCol) });
  if (nipCol >= 0)
    columns.push({ key: 'nip', header: header[nipCol]!, column: columnLetter(nipCol) });

  let percentCol = -1;
  const indicatorCols = new Map<string, number>();
  if (mode === 'summary') {
    percentCol = find(isPercentHeader);
    if (percentCol < 0) {
      problems.push(
        p(
          headerRow,
          null,
          null,
          'MISSING_COLUMN',
          'Kolom "Persentase" tidak ditemukan pada baris judul.',
          'No "Persentase" (percentage) column in the header row.',
        ),
      );
    } else {
      columns.push({
        key: 'percentage',
        header: header[percentCol]!,
        column: columnLetter(percentCol),
      });
    }
  } else {
    header.forEach((h, i) => {
      if (i === nameCol || i === nipCol || h === '') return;
      const indicator = indicatorOf(h, indicators);
      if (indicator && !indicatorCols.has(indicator.key)) indicatorCols.set(indicator.key, i);
    });
    for (const indicator of indicators) {
      const col = indicatorCols.get(indicator.key);
      if (col === undefined) {
        problems.push(
          p(
            headerRow,
            null,
            indicator.key,
            'MISSING_COLUMN',
            `Kolom indikator ${indicator.key} (${indicator.text}) tidak ditemukan pada baris judul.`,
            `No column for indicator ${indicator.key} (${indicator.text}) in the header row.`,
          ),
        );
      } else {
        columns.push({ key: indicator.key, header: header[col]!, column: columnLetter(col) });
      }
    }
  }
  if (problems.length > 0) return { ...empty(), headerRow, columns };

  const rows: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (let r = headerIndex + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const rowNumber = r + 1;
    const name = nameCol >= 0 ? (cells[nameCol] ?? '') : '';
    const nip = nipCol >= 0 ? (cells[nipCol] ?? '') : '';
    const valueCols = mode === 'summary' ? [percentCol] : [...indicatorCols.values()];
    const valueTexts = valueCols.map((c) => cells[c] ?? '');
    if (name === '' && nip === '' && valueTexts.every((v) => v === '')) continue;
    // "Rata-rata", "Jumlah": the printed table's footer, not a teacher.
    const label = key(cells.find((c) => c !== '') ?? '');
    if (FOOTER_WORDS.some((w) => label === w || label.startsWith(`${w} `))) continue;

    const rowProblems: ImportProblem[] = [];
    const values: Record<string, string> = {};
    if (nameCol >= 0) values.name = name;
    if (nipCol >= 0) values.nip = nip;

    // Who.
    let teacherId: string | null = null;
    let teacherName: string | null = null;
    let matchedBy: 'nip' | 'name' | null = null;
    const whoCol = nameCol >= 0 && (name !== '' || nipCol < 0) ? nameCol : nipCol;
    const whoHeader = header[whoCol] ?? null;
    if (name === '' && nip === '') {
      rowProblems.push(
        p(
          rowNumber,
          whoCol,
          whoHeader,
          'MISSING_VALUE',
          'Nama guru belum diisi.',
          'The teacher name is empty.',
        ),
      );
    } else {
      const match = roster.match(name, nip);
      if (match.kind === 'matched') {
        teacherId = match.teacher.id;
        teacherName = match.teacher.name;
        matchedBy = match.by;
        const first = firstRowOf.get(teacherId);
        if (first !== undefined) {
          rowProblems.push(
            p(
              rowNumber,
              whoCol,
              whoHeader,
              'DUPLICATE_TEACHER',
              `${teacherName} sudah ada pada baris ${first}; setiap guru hanya satu baris.`,
              `${teacherName} is already on row ${first}; one row per teacher.`,
            ),
          );
        } else {
          firstRowOf.set(teacherId, rowNumber);
        }
      } else if (match.kind === 'ambiguous') {
        rowProblems.push(
          p(
            rowNumber,
            whoCol,
            whoHeader,
            'AMBIGUOUS_TEACHER',
            `"${name}" cocok dengan ${match.teachers.length} guru; isi kolom NIP untuk membedakannya.`,
            `"${name}" matches ${match.teachers.length} teachers; fill in the NIP column to tell them apart.`,
          ),
        );
      } else {
        const shown = name || nip;
        rowProblems.push(
          p(
            rowNumber,
            whoCol,
            whoHeader,
            'UNKNOWN_TEACHER',
            `"${shown}" tidak ada dalam daftar guru sekolah ini. Periksa ejaan atau tambahkan gurunya dahulu.`,
            `"${shown}" is not on this school's teacher roster. Check the spelling or add the teacher first.`,
          ),
        );
      }
    }

    // What.
    let observation: TObservationInput | null = null;
    if (mode === 'summary') {
      const text = cells[percentCol] ?? '';
      values.percentage = text;
      const percentage = readPercentage(
        text,
        rowNumber,
        percentCol,
        header[percentCol]!,
        rowProblems,
      );
      if (percentage !== null) observation = { kind: 'summary', percentage };
    } else {
      const scores: Record<string, number | 'na'> = {};
      let complete = true;
      for (const indicator of indicators) {
        const col = indicatorCols.get(indicator.key)!;
        const text = cells[col] ?? '';
        values[indicator.key] = text;
        const score = readScore(text, indicator, rowNumber, col, header[col]!, rowProblems);
        if (score === null) complete = false;
        else scores[indicator.key] = score;
      }
      if (complete) observation = { kind: 'indicators', scores };
    }

    let percentage: string | null = null;
    let band: string | null = null;
    if (observation && rowProblems.length === 0) {
      try {
        percentage = scoreObservation(definition, observation).percentage;
        band = classify(bandSet, percentage).label;
      } catch (error) {
        // e.g. every indicator "na": nothing to score.
        if (!isAppError(error)) throw error;
        rowProblems.push(
          p(rowNumber, null, null, 'MISSING_VALUE', error.messages.id, error.messages.en),
        );
      }
    }
    problems.push(...rowProblems);
    rows.push({
      row: rowNumber,
      name,
      nip,
      teacherId,
      teacherName,
      matchedBy,
      values,
      percentage,
      band,
      observation: rowProblems.length === 0 ? observation : null,
    });
  }

  if (rows.length === 0) {
    problems.push(
      p(
        null,
        null,
        null,
        'NO_ROWS',
        'Tidak ada baris guru di bawah baris judul.',
        'There are no teacher rows under the header row.',
      ),
    );
  }
  const percentages = rows.flatMap((r) => (r.percentage === null ? [] : [r.percentage]));
  return {
    mode,
    headerRow,
    columns,
    rows,
    problems,
    summary: summarizeCycle(percentages, bandSet),
  };
}

const NUMBER_TEXT = /^[+-]?\d+(?:[.,]\d+)?$/;

function readPercentage(
  raw: string,
  row: number,
  col: number,
  header: string,
  out: ImportProblem[],
): string | null {
  const text = raw.replace(/\s*%$/, '').trim();
  if (text === '') {
    out.push(
      p(row, col, header, 'MISSING_VALUE', 'Persentase belum diisi.', 'The percentage is empty.'),
    );
    return null;
  }
  if (!NUMBER_TEXT.test(text)) {
    out.push(
      p(
        row,
        col,
        header,
        'NOT_A_NUMBER',
        `"${raw}" bukan angka; tulis persentase seperti 35,75.`,
        `"${raw}" is not a number; write a percentage such as 35.75.`,
      ),
    );
    return null;
  }
  const [, decimals = ''] = text.split(/[.,]/);
  if (decimals.length > 2) {
    out.push(
      p(
        row,
        col,
        header,
        'TOO_MANY_DECIMALS',
        `${raw} memiliki lebih dari dua angka desimal.`,
        `${raw} has more than two decimal places.`,
      ),
    );
    return null;
  }
  try {
    return parsePercentage(text);
  } catch (error) {
    if (!isAppError(error)) throw error;
    out.push(
      p(
        row,
        col,
        header,
        'OFF_SCALE',
        `Persentase ${raw} di luar rentang 0-100.`,
        `Percentage ${raw} is outside 0-100.`,
      ),
    );
    return null;
  }
}

function readScore(
  raw: string,
  indicator: TListedIndicator,
  row: number,
  col: number,
  header: string,
  out: ImportProblem[],
): number | 'na' | null {
  const text = raw.trim();
  const { min, max } = indicator.scale;
  if (text === '') {
    out.push(
      p(
        row,
        col,
        header,
        'MISSING_VALUE',
        `Skor ${indicator.key} belum diisi (isi ${min}-${max}, atau "na" bila tidak berlaku).`,
        `Score ${indicator.key} is empty (enter ${min}-${max}, or "na" when it does not apply).`,
      ),
    );
    return null;
  }
  if (NA_TEXT.has(key(text)) || text === '-') return 'na';
  if (!NUMBER_TEXT.test(text)) {
    out.push(
      p(
        row,
        col,
        header,
        'NOT_A_NUMBER',
        `"${raw}" bukan angka; isi skor ${min}-${max}.`,
        `"${raw}" is not a number; enter a score from ${min} to ${max}.`,
      ),
    );
    return null;
  }
  const value = Number(text.replace(',', '.'));
  const onScale =
    Number.isInteger(value) &&
    value >= min &&
    value <= max &&
    indicator.scale.levels.some((l) => l.value === value);
  if (!onScale) {
    out.push(
      p(
        row,
        col,
        header,
        'OFF_SCALE',
        `Skor ${raw} di luar skala ${indicator.key} (${min}-${max}).`,
        `Score ${raw} is off the scale of ${indicator.key} (${min}-${max}).`,
      ),
    );
    return null;
  }
  return value;
}

export { normalizeName };
