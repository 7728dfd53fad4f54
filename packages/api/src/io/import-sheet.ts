import {
  classify,
  describeScale,
  isAppError,
  listIndicators,
  parsePercentage,
  type RosterIndex,
  scaleToPercentage,
  scoreObservation,
  summarizeCycle,
  type TBandSet,
  type TCycleSummary,
  type TListedIndicator,
  type TObservationInput,
  type TRosterTeacher,
  type TRubricDefinition,
  type TScoreScale,
} from '@siklus/domain';
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
  | 'TOO_MANY_DECIMALS'
  /** Roster sheets: a NIP, NUPTK, gender or text not in the form it must take. */
  | 'INVALID_VALUE'
  /** Roster sheets: the NIP belongs to another teacher of the district. */
  | 'NIP_TAKEN';

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
  /**
   * How the column was chosen: by its header, picked by the principal for this file, or
   * the header the school's principal picked last time ('remembered').
   */
  chosen: 'header' | 'picked' | 'remembered';
}

/** A column of the header row a person may pick (letter as Excel shows it, header text). */
export interface ColumnOption {
  column: string;
  header: string;
}

/**
 * What the importer will not guess: the principal answers, and the file is read again
 * with the answer (`percentColumn`, `answers`). Until then nothing is saved.
 */
export type ImportQuestion =
  | {
      kind: 'column';
      field: 'percentage';
      /** 'several': more than one header could be the percentage; 'none': no header says so. */
      reason: 'several' | 'none';
      options: ColumnOption[];
      message: { id: string; en: string };
    }
  | {
      /**
       * The percentage column holds something else: means on a 1-4/1-5 scale or totals
       * out of N. Nothing is converted until the principal says which scale it is.
       */
      kind: 'scale';
      column: string;
      header: string;
      /** 'header': the header names a scale; 'values': every value is 5 or less, or most are over 100. */
      reason: 'header' | 'values';
      /** What the header or the values suggest, when they do (preselected, never applied). */
      suggested: TScoreScale | null;
      /** A few values as typed, to judge by. */
      sample: string[];
      message: { id: string; en: string };
    }
  | {
      kind: 'teacher';
      row: number;
      typed: string;
      candidates: { id: string; name: string }[];
      message: { id: string; en: string };
    };

export interface ImportRow {
  row: number;
  name: string;
  nip: string;
  teacherId: string | null;
  teacherName: string | null;
  /** 'answer': the principal said who this is (a close name asked about). */
  matchedBy: 'nip' | 'name' | 'answer' | null;
  /** The cells read, by column key, as typed. */
  values: Record<string, string>;
  /**
   * Computed by the domain package when the row has no problem; else null. On another
   * scale, the converted percentage; `values.percentage` keeps the value as typed.
   */
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
  /** Unanswered questions; the file can be saved only when there are none. */
  questions: ImportQuestion[];
  /** Figures of the rows without problems (domain summary). */
  summary: TCycleSummary;
  /** The scale the percentage column was read on (summary mode; 'percent' unless confirmed). */
  scale: TScoreScale;
  /**
   * Rows under the table that carry figures ("Rata-rata", "Kategori"): their spreadsheet
   * row, label and the text in the value column (summary mode), for the printed figures.
   */
  footers: { row: number; label: string; value: string }[];
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

/**
 * Headers of the teacher column, most telling first: with "Guru" (the class) beside
 * "Nama Guru" (the person), as in the paper's Table 1, the name wins.
 */
const NAME_HEADERS = [
  'nama guru',
  'nama lengkap',
  'nama',
  'nama responden',
  'responden',
  'nama subjek',
  'subjek',
  'subjek penelitian',
  'guru kelas',
  'guru',
  'teacher name',
  'teacher',
  'name',
];
const NIP_HEADERS = ['nip', 'nip guru', 'nip nuptk'];
/** Headers that could hold a percentage achievement: the principal picks when several do. */
const PERCENT_WORDS =
  /^(?:persentase|presentase|prosentase|percentage|capaian|nilai|skor|score|total|jumlah skor|hasil)(?: |$)/;
/**
 * Rows under (or inside) the table that carry figures, not teachers: "Rata-rata", "Nilai
 * rata-rata", "Jumlah", "Kategori", "Kriteria", "Persentase ketuntasan", "Total", in any case.
 */
const FOOTER_WORDS =
  /(?:^| )(?:rata rata|ratarata|rata2|rerata|jumlah|total|kategori|kriteria|predikat|ketuntasan|tuntas|mean|average)(?: |$)/;

const NA_TEXT = new Set(['na', 'n a', 'tidak berlaku', 'tb']);

const nameRank = (h: string) => NAME_HEADERS.indexOf(key(h));

/** The header to leave alone when asked "which column is the percentage?" */
const isRowNumber = (h: string) => ['no', 'no urut', 'nomor', 'number'].includes(key(h));

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

/** Where the label of a row is: its name cell, or the first text (a merged "Rata-rata"). */
function footerLabel(cells: string[], nameCol: number): string | null {
  const texts = [cells[nameCol] ?? '', ...cells].filter((c) => c !== '' && !/^[\d.,%\s]+$/.test(c));
  const label = texts[0] ?? '';
  return label !== '' && FOOTER_WORDS.test(key(label)) ? label : null;
}

/** "Skor (1-4)", "Rata-rata skala 5": a mean scale; "Skor/40", "Jumlah skor (maks 40)": a total. */
function scaleOfHeader(header: string): TScoreScale | null {
  const k = key(header);
  const mean = /(?:^| )(?:1 ([45])|skala ([45]))(?: |$)/.exec(k);
  if (mean) return { kind: 'mean', max: mean[1] === '4' || mean[2] === '4' ? 4 : 5 };
  const total =
    /\/\s*(\d{1,5})\b/.exec(header) ??
    /(?:^| )(?:dari|maks|maksimal|maksimum|max|maximum|of)(?: skor)? (\d{1,5})(?: |$)/.exec(k);
  const max = total ? Number(total[1]) : 0;
  return max >= 1 && max <= 10_000 ? { kind: 'total', max } : null;
}

const NUMBER_CELL = /^\d+(?:[.,]\d+)?$/;

/**
 * Does the percentage column look like another scale? By its header, or by its values:
 * every value 5 or less (a 1-4/1-5 mean; no teacher scores 5% on a real sheet), or most
 * over 100 (totals). Answers the question to ask, or null when the column reads as 0-100.
 */
function scaleQuestion(header: string, column: string, texts: string[]): ImportQuestion | null {
  const numbers = texts
    .map((t) => t.replace(/\s*%$/, '').trim())
    .filter((t) => NUMBER_CELL.test(t))
    .map((t) => Number(t.replace(',', '.')));
  const byHeader = scaleOfHeader(header);
  const sample = texts.filter((t) => t !== '').slice(0, 5);
  const top = numbers.length > 0 ? Math.max(...numbers) : 0;
  const small =
    numbers.length > 0 && top <= 5 && !/%/.test(header) && !texts.some((t) => t.endsWith('%'));
  // Most values over 100: totals out of a large N. One 120 among percentages is a typo,
  // said as OFF_SCALE on its cell, not a reason to ask.
  const large = numbers.filter((n) => n > 100).length * 2 > numbers.length;
  if (!byHeader && !small && !large) return null;
  const suggested: TScoreScale | null =
    byHeader ?? (small ? { kind: 'mean', max: top <= 4 ? 4 : 5 } : null);
  const shown = sample.map((t) => `"${t}"`).join(', ');
  const why = byHeader
    ? {
        id: `judulnya menyebut ${describeScale(byHeader).id}`,
        en: `its header names a ${describeScale(byHeader).en}`,
      }
    : small
      ? { id: `semua nilainya 5 atau kurang (${shown})`, en: `every value is 5 or less (${shown})` }
      : {
          id: `sebagian besar nilainya di atas 100 (${shown})`,
          en: `most values are over 100 (${shown})`,
        };
  return {
    kind: 'scale',
    column,
    header,
    reason: byHeader ? 'header' : 'values',
    suggested,
    sample,
    message: {
      id: `Kolom ${column} "${header}" mungkin bukan persentase: ${why.id}. Pilih skalanya: persentase (0-100), rata-rata skala 1-4 atau 1-5, atau skor total dari N. Siklus mengubahnya menjadi persentase (nilai ÷ maksimum × 100) hanya setelah Anda memilih.`,
      en: `Column ${column} "${header}" may not be a percentage: ${why.en}. Pick its scale: percentage (0-100), a mean on a 1-4 or 1-5 scale, or a total out of N. Siklus converts it to a percentage (value ÷ maximum × 100) only once you pick.`,
    },
  };
}

/** One problem of the file, at a cell (or a row, or the whole file when both are null). */
export const importProblem = (
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

/** A column the header row lacks (the whole sheet's problem, placed on the header row). */
export const missingColumn = (headerRow: number, id: string, en: string): ImportProblem =>
  importProblem(headerRow, null, null, 'MISSING_COLUMN', id, en);

/** A problem of the whole file, at no row or column. */
export function fileProblem(code: ImportProblemCode, id: string, en: string): ImportProblem {
  return importProblem(null, null, null, code, id, en);
}

/** A file with a header but no teacher under it (the score import and the roster both say so). */
export function noTeacherRows(): ImportProblem {
  return fileProblem(
    'NO_ROWS',
    'Tidak ada baris guru di bawah baris judul.',
    'There are no teacher rows under the header row.',
  );
}

/**
 * The header: the first of the top rows with a teacher-name or NIP column; title rows
 * above it (the school, "Tabel 1. ...") are passed over. -1 when there is none.
 */
export function findHeaderIndex(grid: SheetGrid): number {
  return grid.rows
    .slice(0, 30)
    .findIndex((r) => r.some((c) => nameRank(c) >= 0 || NIP_HEADERS.includes(key(c))));
}

/** A footer row's label folded for matching ("Nilai Rata-Rata" -> "nilai rata rata"). */
export const foldLabel = key;

export interface InterpretOptions {
  definition: TRubricDefinition;
  bandSet: TBandSet;
  roster: RosterIndex<TRosterTeacher>;
  /** The percentage column the principal picked ("D"), when the headers left a choice. */
  percentColumn?: string | null | undefined;
  /** Who a row is, by spreadsheet row number, answering a close-name question. */
  answers?: ReadonlyMap<number, string> | undefined;
  /** Headers that name this cycle ("Siklus I"): in a recap sheet, that column is the one. */
  cycleHeaders?: readonly string[] | undefined;
  /** The header this school picked last time as the percentage ("Persentase (%)"). */
  rememberedHeader?: string | null | undefined;
  /** The scale the principal confirmed for the percentage column (asked when it looks like one). */
  scale?: TScoreScale | null | undefined;
}

export function interpretSheet(grid: SheetGrid, opts: InterpretOptions): ImportResult {
  const { definition, bandSet, roster } = opts;
  const mode = definition.mode;
  const indicators = mode === 'indicators' ? listIndicators(definition) : [];
  const problems: ImportProblem[] = [];
  const questions: ImportQuestion[] = [];
  const empty = (): ImportResult => ({
    mode,
    headerRow: null,
    columns: [],
    rows: [],
    problems,
    questions,
    summary: summarizeCycle([], bandSet),
    scale: { kind: 'percent' },
    footers: [],
  });

  const headerIndex = findHeaderIndex(grid);
  if (headerIndex < 0) {
    problems.push(
      fileProblem(
        'NO_HEADER',
        'Baris judul kolom tidak ditemukan: perlu kolom nama guru ("Nama Guru", "Guru", "Nama", "Responden", "Subjek") atau "NIP". Gunakan templat dari Siklus.',
        'No header row found: a teacher column ("Nama Guru", "Guru", "Nama", "Responden", "Subjek") or "NIP" is needed. Use the template from Siklus.',
      ),
    );
    return empty();
  }
  const header = grid.rows[headerIndex]!;
  const headerRow = headerIndex + 1;
  const find = (test: (h: string) => boolean) => header.findIndex((h) => h !== '' && test(h));
  let nameCol = -1;
  header.forEach((h, i) => {
    const rank = nameRank(h);
    if (rank >= 0 && (nameCol < 0 || rank < nameRank(header[nameCol]!))) nameCol = i;
  });
  const nipCol = find((h) => NIP_HEADERS.includes(key(h)));

  const columns: ImportColumn[] = [];
  const named = (k: string, col: number, chosen: ImportColumn['chosen'] = 'header') =>
    columns.push({ key: k, header: header[col]!, column: columnLetter(col), chosen });
  if (nameCol >= 0) named('name', nameCol);
  if (nipCol >= 0) named('nip', nipCol);

  let percentCol = -1;
  const indicatorCols = new Map<string, number>();
  if (mode === 'summary') {
    const picked = opts.percentColumn
      ? pickColumn(header, opts.percentColumn, [nameCol, nipCol])
      : -1;
    if (picked >= 0) {
      percentCol = picked;
      named('percentage', percentCol, 'picked');
    } else {
      const cycleKeys = (opts.cycleHeaders ?? []).map(key);
      const byCycle = header.flatMap((h, i) => (h !== '' && cycleKeys.includes(key(h)) ? [i] : []));
      const candidates = header.flatMap((h, i) =>
        i !== nameCol && i !== nipCol && h !== '' && PERCENT_WORDS.test(key(h)) ? [i] : [],
      );
      const clear = byCycle.length === 1 ? byCycle : candidates;
      // The school's earlier pick settles a choice the headers leave open, named as such.
      const remembered = opts.rememberedHeader
        ? header.flatMap((h, i) =>
            h !== '' && i !== nameCol && i !== nipCol && key(h) === key(opts.rememberedHeader!)
              ? [i]
              : [],
          )
        : [];
      if (clear.length === 1) {
        percentCol = clear[0]!;
        named('percentage', percentCol);
      } else if (remembered.length === 1) {
        percentCol = remembered[0]!;
        named('percentage', percentCol, 'remembered');
      } else {
        // Never a silent pick between "Skor" and "Persentase": the principal says which.
        const several = clear.length > 1;
        const options = (
          several
            ? clear
            : header.flatMap((h, i) =>
                i !== nameCol && i !== nipCol && h !== '' && !isRowNumber(h) ? [i] : [],
              )
        ).map((i) => ({ column: columnLetter(i), header: header[i]! }));
        if (options.length === 0) {
          problems.push(
            missingColumn(
              headerRow,
              'Tidak ada kolom persentase pada baris judul.',
              'No percentage column in the header row.',
            ),
          );
        } else {
          const list = options.map((o) => `${o.column} "${o.header}"`).join(', ');
          questions.push({
            kind: 'column',
            field: 'percentage',
            reason: several ? 'several' : 'none',
            options,
            message: several
              ? {
                  id: `Beberapa kolom dapat berisi persentase (${list}). Pilih kolom yang berisi persentase capaian (0-100) sebelum berkas dibaca.`,
                  en: `Several columns could hold the percentage (${list}). Pick the one with the percentage achievement (0-100) before the file is read.`,
                }
              : {
                  id: `Tidak ada judul kolom yang jelas berisi persentase. Pilih kolom yang berisi persentase capaian (0-100): ${list}.`,
                  en: `No column header clearly holds the percentage. Pick the column with the percentage achievement (0-100): ${list}.`,
                },
          });
        }
      }
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
          importProblem(
            headerRow,
            null,
            indicator.key,
            'MISSING_COLUMN',
            `Kolom indikator ${indicator.key} (${indicator.text}) tidak ditemukan pada baris judul.`,
            `No column for indicator ${indicator.key} (${indicator.text}) in the header row.`,
          ),
        );
      } else {
        named(indicator.key, col);
      }
    }
  }
  // Nothing is read until every column is known.
  if (problems.length > 0 || questions.length > 0) return { ...empty(), headerRow, columns };

  // The teacher rows and the footers under the header, in the sheet's own row numbers.
  const body: { r: number; cells: string[] }[] = [];
  const footers: ImportResult['footers'] = [];
  for (let r = headerIndex + 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r] ?? [];
    const nip = nipCol >= 0 ? (cells[nipCol] ?? '') : '';
    // "Rata-rata", "Kategori", "Persentase ketuntasan": the printed table's footer.
    const footer = nip === '' ? footerLabel(cells, nameCol) : null;
    if (footer !== null) {
      footers.push({
        row: r + 1,
        label: footer,
        value: percentCol >= 0 ? (cells[percentCol] ?? '') : '',
      });
    } else {
      body.push({ r, cells });
    }
  }

  // A column of means or totals is converted only on the principal's word.
  let scale: TScoreScale = { kind: 'percent' };
  if (mode === 'summary') {
    if (opts.scale) {
      scale = opts.scale;
    } else {
      const question = scaleQuestion(
        header[percentCol]!,
        columnLetter(percentCol),
        body.map((b) => b.cells[percentCol] ?? ''),
      );
      if (question) {
        questions.push(question);
        return { ...empty(), headerRow, columns };
      }
    }
  }

  const rows: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { r, cells } of body) {
    const rowNumber = r + 1;
    const name = nameCol >= 0 ? (cells[nameCol] ?? '') : '';
    const nip = nipCol >= 0 ? (cells[nipCol] ?? '') : '';
    const valueCols = mode === 'summary' ? [percentCol] : [...indicatorCols.values()];
    const valueTexts = valueCols.map((c) => cells[c] ?? '');
    if (name === '' && nip === '' && valueTexts.every((v) => v === '')) continue;

    const rowProblems: ImportProblem[] = [];
    const values: Record<string, string> = {};
    if (nameCol >= 0) values.name = name;
    if (nipCol >= 0) values.nip = nip;

    // Who.
    let teacherId: string | null = null;
    let teacherName: string | null = null;
    let matchedBy: ImportRow['matchedBy'] = null;
    const whoCol = nameCol >= 0 && (name !== '' || nipCol < 0) ? nameCol : nipCol;
    const whoHeader = header[whoCol] ?? null;
    if (name === '' && nip === '') {
      rowProblems.push(
        importProblem(
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
      const answered = opts.answers?.get(rowNumber);
      const answer =
        match.kind === 'uncertain' || match.kind === 'ambiguous'
          ? answered
            ? roster.get(answered)
            : undefined
          : undefined;
      const teacher = answer ?? (match.kind === 'matched' ? match.teacher : undefined);
      if (teacher) {
        teacherId = teacher.id;
        teacherName = teacher.name;
        matchedBy = answer ? 'answer' : match.kind === 'matched' ? match.by : null;
        const first = firstRowOf.get(teacherId);
        if (first !== undefined) {
          rowProblems.push(
            importProblem(
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
      } else if (match.kind === 'uncertain') {
        // Close, not certain: asked, not failed.
        const best = match.candidates[0]!;
        questions.push({
          kind: 'teacher',
          row: rowNumber,
          typed: name,
          candidates: match.candidates.map((t) => ({ id: t.id, name: t.name })),
          message: {
            id: `Baris ${rowNumber}: apakah "${name}" = "${best.name}"?`,
            en: `Row ${rowNumber}: is "${name}" the same as "${best.name}"?`,
          },
        });
      } else if (match.kind === 'ambiguous') {
        rowProblems.push(
          importProblem(
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
          importProblem(
            rowNumber,
            whoCol,
            whoHeader,
            'UNKNOWN_TEACHER',
            `"${shown}" tidak ada dalam daftar guru sekolah ini. Periksa ejaan atau tambahkan gurunya dahulu di "Sekolah saya".`,
            `"${shown}" is not on this school's teacher roster. Check the spelling or add the teacher first under "Sekolah saya" (My school).`,
          ),
        );
      }
    }

    // What.
    let observation: TObservationInput | null = null;
    if (mode === 'summary') {
      const text = cells[percentCol] ?? '';
      values.percentage = text;
      const fail = cellFailure(rowNumber, percentCol, header[percentCol]!, rowProblems);
      const percentage =
        scale.kind === 'percent' ? readPercentage(text, fail) : readOnScale(text, scale, fail);
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
          importProblem(
            rowNumber,
            null,
            null,
            'MISSING_VALUE',
            error.messages.id,
            error.messages.en,
          ),
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
      observation: rowProblems.length === 0 && teacherId !== null ? observation : null,
    });
  }

  if (rows.length === 0) {
    problems.push(noTeacherRows());
  }
  const percentages = rows.flatMap((r) => (r.percentage === null ? [] : [r.percentage]));
  return {
    mode,
    headerRow,
    columns,
    rows,
    problems,
    questions,
    summary: summarizeCycle(percentages, bandSet),
    scale,
    footers,
  };
}

/** The index of a picked column letter, when it is a column of the header and not the name's. */
function pickColumn(header: string[], letter: string, taken: number[]): number {
  const index = header.findIndex((h, i) => h !== '' && columnLetter(i) === letter.toUpperCase());
  return index >= 0 && !taken.includes(index) ? index : -1;
}

const NUMBER_TEXT = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Records a problem of one cell and answers null, the "no value" both readers return, so
 * each check below is one line of what went wrong.
 */
function cellFailure(row: number, col: number, header: string, out: ImportProblem[]) {
  return (code: ImportProblemCode, id: string, en: string): null => {
    out.push(importProblem(row, col, header, code, id, en));
    return null;
  };
}

/** Records a problem of one cell and answers null (what the cell reads as). */
type CellFailure = ReturnType<typeof cellFailure>;

function readPercentage(raw: string, fail: CellFailure): string | null {
  const text = raw.replace(/\s*%$/, '').trim();
  if (text === '') {
    return fail('MISSING_VALUE', 'Persentase belum diisi.', 'The percentage is empty.');
  }
  if (!NUMBER_TEXT.test(text)) {
    return fail(
      'NOT_A_NUMBER',
      `"${raw}" bukan angka; tulis persentase seperti 35,75.`,
      `"${raw}" is not a number; write a percentage such as 35.75.`,
    );
  }
  const [, decimals = ''] = text.split(/[.,]/);
  if (decimals.length > 2) {
    return fail(
      'TOO_MANY_DECIMALS',
      `${raw} memiliki lebih dari dua angka desimal.`,
      `${raw} has more than two decimal places.`,
    );
  }
  try {
    return parsePercentage(text);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return fail(
      'OFF_SCALE',
      `Persentase ${raw} di luar rentang 0-100.`,
      `Percentage ${raw} is outside 0-100.`,
    );
  }
}

/** A mean or total on the confirmed scale, converted by the domain (value ÷ maximum × 100). */
function readOnScale(raw: string, scale: TScoreScale, fail: CellFailure): string | null {
  const text = raw.trim();
  const words = describeScale(scale);
  if (text === '') {
    return fail(
      'MISSING_VALUE',
      `Nilai (${words.id}) belum diisi.`,
      `The value (${words.en}) is empty.`,
    );
  }
  try {
    return scaleToPercentage(text, scale);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return fail(
      NUMBER_CELL.test(text) ? 'OFF_SCALE' : 'NOT_A_NUMBER',
      error.messages.id,
      error.messages.en,
    );
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
  const fail = cellFailure(row, col, header, out);
  const text = raw.trim();
  const { min, max } = indicator.scale;
  if (text === '') {
    return fail(
      'MISSING_VALUE',
      `Skor ${indicator.key} belum diisi (isi ${min}-${max}, atau "na" bila tidak berlaku).`,
      `Score ${indicator.key} is empty (enter ${min}-${max}, or "na" when it does not apply).`,
    );
  }
  if (NA_TEXT.has(key(text)) || text === '-') return 'na';
  if (!NUMBER_TEXT.test(text)) {
    return fail(
      'NOT_A_NUMBER',
      `"${raw}" bukan angka; isi skor ${min}-${max}.`,
      `"${raw}" is not a number; enter a score from ${min} to ${max}.`,
    );
  }
  const value = Number(text.replace(',', '.'));
  const onScale =
    Number.isInteger(value) &&
    value >= min &&
    value <= max &&
    indicator.scale.levels.some((l) => l.value === value);
  if (!onScale) {
    return fail(
      'OFF_SCALE',
      `Skor ${raw} di luar skala ${indicator.key} (${min}-${max}).`,
      `Score ${raw} is off the scale of ${indicator.key} (${min}-${max}).`,
    );
  }
  return value;
}
