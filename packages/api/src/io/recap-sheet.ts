import {
  cycleLabel,
  cycleOrdinalOf,
  formatOnScale,
  isAppError,
  parsePrintedFigure,
  scaleToPercentage,
  type TScoreScale,
} from '@siklus/domain';
import {
  columnLetter,
  fileProblem,
  findHeaderIndex,
  foldLabel,
  type ImportProblem,
  type ImportQuestion,
  type ImportResult,
  type InterpretOptions,
  importProblem,
  interpretSheet,
  missingColumn,
} from './import-sheet';
import type { SheetGrid } from './read-sheet';

/**
 * A recap sheet (issue 15): one row per teacher and one column per cycle, headed the ways
 * papers head them ("Kondisi Awal | Siklus I | Siklus II", "Pra Siklus", "Siklus 1"),
 * with the table's "Rata-rata" and "Kategori" rows under it. Each cycle column is read as
 * one cycle's import (interpretSheet, the same names, footers and problems), the principal
 * answers each question once for the whole sheet, and the footer rows become each cycle's
 * printed figures, so the consistency check can compare them. Pure, like interpretSheet.
 */

export interface RecapCycle {
  ordinal: number;
  label: { id: string; en: string };
  column: string;
  header: string;
  result: ImportResult;
  /** The sheet's "Rata-rata" in this column, as printed and as compared (two places). */
  printedMean: { typed: string; value: string } | null;
  /** The sheet's "Kategori"/"Kriteria" under this column, as printed. */
  printedMeanBand: string | null;
}

export interface RecapResult {
  headerRow: number | null;
  cycles: RecapCycle[];
  problems: ImportProblem[];
  questions: ImportQuestion[];
  scale: TScoreScale;
  /** True when every cycle can be written: no problem, no question, a row in each. */
  ok: boolean;
}

const MEAN_LABEL = /(?:^| )(?:rata rata|ratarata|rata2|rerata|mean|average)(?: |$)/;
const BAND_LABEL = /^(?:nilai )?(?:kategori|kriteria|predikat)(?: |$)/;

export function interpretRecap(
  grid: SheetGrid,
  opts: Omit<InterpretOptions, 'percentColumn' | 'cycleHeaders' | 'rememberedHeader'>,
): RecapResult {
  const empty = (problems: ImportProblem[], headerRow: number | null): RecapResult => ({
    headerRow,
    cycles: [],
    problems,
    questions: [],
    scale: { kind: 'percent' },
    ok: false,
  });
  if (opts.definition.mode !== 'summary') {
    return empty(
      [
        fileProblem(
          'MISSING_COLUMN',
          'Rekap per siklus hanya untuk instrumen yang diisi persentase per guru; instrumen penelitian ini dinilai per indikator.',
          'A recap per cycle is only for rubrics that take one percentage per teacher; this study’s rubric is scored per indicator.',
        ),
      ],
      null,
    );
  }
  const headerIndex = findHeaderIndex(grid);
  // No header: the single-cycle reader says what is missing, in the same words.
  if (headerIndex < 0) return empty(interpretSheet(grid, opts).problems, null);
  const headerRow = headerIndex + 1;
  const header = grid.rows[headerIndex]!;

  const byOrdinal = new Map<number, number[]>();
  header.forEach((h, i) => {
    const ordinal = cycleOrdinalOf(h);
    if (ordinal !== null) byOrdinal.set(ordinal, [...(byOrdinal.get(ordinal) ?? []), i]);
  });
  const problems: ImportProblem[] = [];
  for (const [ordinal, cols] of byOrdinal) {
    if (cols.length > 1) {
      const where = cols.map((c) => `${columnLetter(c)} "${header[c]}"`).join(', ');
      problems.push(
        importProblem(
          headerRow,
          cols[1]!,
          header[cols[1]!]!,
          'MISSING_COLUMN',
          `${cycleLabel(ordinal, 'id')} ada di lebih dari satu kolom (${where}); sisakan satu kolom per siklus.`,
          `${cycleLabel(ordinal, 'en')} is in more than one column (${where}); keep one column per cycle.`,
        ),
      );
    }
  }
  const count = byOrdinal.size;
  const missing = Array.from({ length: count }, (_, o) => o).filter((o) => !byOrdinal.has(o));
  if (count < 2 || missing.length > 0) {
    const found = [...byOrdinal.keys()]
      .sort((a, b) => a - b)
      .map((o) => cycleLabel(o, 'id'))
      .join(', ');
    problems.push(
      missingColumn(
        headerRow,
        `Rekap perlu satu kolom per siklus berurutan mulai Kondisi Awal (Kondisi Awal, Siklus I, Siklus II, ...); baris judul ${headerRow} memuat: ${found || 'tidak ada'}.`,
        `A recap needs one column per cycle in order from the baseline (Kondisi Awal, Siklus I, Siklus II, ...); header row ${headerRow} has: ${found || 'none'}.`,
      ),
    );
  }
  if (problems.length > 0) return empty(problems, headerRow);

  const columns = Array.from({ length: count }, (_, o) => byOrdinal.get(o)![0]!);
  const read = (scale: TScoreScale | null | undefined) =>
    columns.map((col) =>
      interpretSheet(grid, { ...opts, percentColumn: columnLetter(col), scale: scale ?? null }),
    );
  const results = read(opts.scale);

  // One scale for the whole sheet: asked once, over every cycle's values.
  // No column looked like another scale: every cycle was read as percentages.
  const scale: TScoreScale = opts.scale ?? { kind: 'percent' };
  const asked = results.flatMap((r) => r.questions.filter((q) => q.kind === 'scale'));
  if (!opts.scale && asked.length > 0) {
    const first = asked[0]!;
    const suggested =
      asked.find((q) => q.suggested?.kind === 'total')?.suggested ??
      asked.find((q) => q.suggested?.kind === 'mean' && q.suggested.max === 5)?.suggested ??
      first.suggested;
    const where = columns.map((c) => columnLetter(c)).join(', ');
    return {
      headerRow,
      cycles: [],
      problems: [],
      questions: [
        {
          ...first,
          column: where,
          header: columns.map((c) => header[c]!).join(' | '),
          suggested,
          sample: asked.flatMap((q) => q.sample).slice(0, 6),
        },
      ],
      scale,
      ok: false,
    };
  }

  // The same row's name problem or question comes once, not once per cycle.
  const seenProblems = new Set<string>();
  const seenQuestions = new Set<string>();
  const allProblems: ImportProblem[] = [];
  const questions: ImportQuestion[] = [];
  const cycles: RecapCycle[] = results.map((result, ordinal) => {
    const col = columns[ordinal]!;
    for (const p of result.problems) {
      const k = `${p.row}|${p.column}|${p.code}|${p.message.en}`;
      if (!seenProblems.has(k)) {
        seenProblems.add(k);
        allProblems.push(p);
      }
    }
    for (const q of result.questions) {
      const k = q.kind === 'teacher' ? `teacher|${q.row}` : `${q.kind}|${q.message.en}`;
      if (!seenQuestions.has(k)) {
        seenQuestions.add(k);
        questions.push(q);
      }
    }
    // The column is this cycle's by its heading: named so, not as a pick.
    const named: ImportResult = {
      ...result,
      columns: result.columns.map((c) => (c.key === 'percentage' ? { ...c, chosen: 'header' } : c)),
    };
    const printed = printedFigures(result, scale, col, header[col]!, allProblems);
    return {
      ordinal,
      label: { id: cycleLabel(ordinal, 'id'), en: cycleLabel(ordinal, 'en') },
      column: columnLetter(col),
      header: header[col]!,
      result: named,
      ...printed,
    };
  });
  allProblems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    headerRow,
    cycles,
    problems: allProblems,
    questions,
    scale,
    ok:
      allProblems.length === 0 &&
      questions.length === 0 &&
      cycles.every((c) => c.result.rows.length > 0),
  };
}

/** The cycle's "Rata-rata" and "Kategori" rows under its column, as the paper prints them. */
function printedFigures(
  result: ImportResult,
  scale: TScoreScale,
  col: number,
  header: string,
  problems: ImportProblem[],
): Pick<RecapCycle, 'printedMean' | 'printedMeanBand'> {
  let printedMean: RecapCycle['printedMean'] = null;
  let printedMeanBand: string | null = null;
  for (const footer of result.footers) {
    const label = foldLabel(footer.label);
    const value = footer.value.trim();
    if (value === '') continue;
    if (printedMean === null && MEAN_LABEL.test(label) && !label.includes('ketuntasan')) {
      try {
        printedMean =
          scale.kind === 'percent'
            ? parsePrintedFigure(value, 'printedMean')
            : {
                // A mean printed on the sheet's scale is compared as its percentage.
                value: scaleToPercentage(value, scale, 'printedMean'),
                typed: formatOnScale(value.replace('.', ','), scale).id,
              };
      } catch (error) {
        if (!isAppError(error)) throw error;
        problems.push(
          importProblem(
            footer.row,
            col,
            header,
            'INVALID_VALUE',
            `Rata-rata tercetak "${value}" (baris "${footer.label}"): ${error.messages.id}.`,
            `The printed mean "${value}" (row "${footer.label}"): ${error.messages.en}.`,
          ),
        );
      }
    } else if (printedMeanBand === null && BAND_LABEL.test(label)) {
      printedMeanBand = value.slice(0, 100);
    }
  }
  return { printedMean, printedMeanBand };
}
