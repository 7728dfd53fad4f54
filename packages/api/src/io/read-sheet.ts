import { AppError } from '@siklus/domain';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { decodeWindows1252 } from './windows-1252';

/**
 * Reads an uploaded spreadsheet (XLSX or CSV) into a grid of cell texts, as a person sees
 * them: numbers without binary noise ("35.75", never "35.750000000000004"), percentages
 * formatted as % in Excel turned back into 0-100, formulas as their cached result. Nothing
 * here knows about teachers or rubrics; import-sheet.ts reads meaning into the grid.
 */

/** The largest file accepted (bytes). The client checks it too; the server decides. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** Rows past this are refused: a district's largest school has ~30 teachers. */
export const MAX_IMPORT_ROWS = 5_000;

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetGrid {
  format: SheetFormat;
  /** The worksheet read (XLSX), or null for CSV. */
  sheetName: string | null;
  /** rows[r][c], 0-based; spreadsheet row number = r + 1. Texts are trimmed. */
  rows: string[][];
}

export const tooLarge = (bytes: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    {
      id: `Berkas terlalu besar (${formatMb(bytes)} MB); paling besar ${formatMb(MAX_IMPORT_BYTES)} MB. Simpan hanya lembar observasinya, tanpa gambar.`,
      en: `The file is too large (${formatMb(bytes)} MB); at most ${formatMb(MAX_IMPORT_BYTES)} MB. Keep only the observation sheet, without pictures.`,
    },
    { field: 'contentBase64' },
  );

const unreadable = (en: string, id: string) =>
  new AppError('BAD_REQUEST', { id, en }, { field: 'contentBase64' });

function formatMb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace('.', ',');
}

/** base64 -> bytes, refusing what is not base64 or over the limit. */
export function decodeUpload(contentBase64: string): Uint8Array {
  const clean = contentBase64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) {
    throw unreadable(
      'The file was not sent correctly (not base64). Choose it again.',
      'Berkas tidak terkirim dengan benar (bukan base64). Pilih berkas lagi.',
    );
  }
  const bytes = Math.floor((clean.length * 3) / 4) - (clean.match(/=+$/)?.[0].length ?? 0);
  if (bytes > MAX_IMPORT_BYTES) throw tooLarge(bytes);
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The format from the bytes first (an .xlsx is a zip), the name second. */
export function detectFormat(fileName: string, bytes: Uint8Array): SheetFormat {
  if (isZip(bytes)) return 'xlsx';
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'xls') {
    throw unreadable(
      'Old Excel files (.xls) cannot be read. In Excel choose File > Save As > Excel Workbook (.xlsx) or CSV.',
      'Berkas Excel lama (.xls) tidak dapat dibaca. Di Excel pilih File > Simpan Sebagai > Excel Workbook (.xlsx) atau CSV.',
    );
  }
  if (ext === 'xlsx') {
    throw unreadable(
      'The file is named .xlsx but is not an Excel workbook. Save it again from Excel.',
      'Berkas bernama .xlsx tetapi bukan buku kerja Excel. Simpan ulang dari Excel.',
    );
  }
  return 'csv';
}

/** A number as Excel shows it: 15 significant digits, no float noise, no exponent. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const p = Number(n.toPrecision(15));
  if (Math.abs(p) >= 1e21) return p.toString();
  // toFixed keeps tiny values out of exponent notation; trim its trailing zeros.
  const fixed = p.toFixed(10);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  const percentFormat = typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
  const fromNumber = (n: number) => numberText(percentFormat ? n * 100 : n);
  if (typeof v === 'number') return fromNumber(v);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) {
      const r = (v as { result?: unknown }).result;
      if (typeof r === 'number') return fromNumber(r);
      return r === undefined || r === null ? '' : String(r).trim();
    }
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in v) return String((v as { text: unknown }).text).trim();
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v).trim();
}

/**
 * Reads an XLSX. With several worksheets, the one named like `preferSheet` (e.g. "Siklus I")
 * wins, so one workbook can carry every cycle's table; otherwise the first one.
 */
export async function readXlsx(bytes: Uint8Array, preferSheet?: string[]): Promise<SheetGrid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable(
      'The Excel file cannot be read (damaged or password protected). Save it again from Excel.',
      'Berkas Excel tidak dapat dibaca (rusak atau dilindungi kata sandi). Simpan ulang dari Excel.',
    );
  }
  const sheets = workbook.worksheets.filter(
    (w) => w.state !== 'hidden' && w.state !== 'veryHidden',
  );
  const wanted = (preferSheet ?? []).map(sheetKey);
  const sheet =
    sheets.find((w) => wanted.includes(sheetKey(w.name))) ??
    sheets.find((w) => wanted.some((k) => sheetKey(w.name).endsWith(k))) ??
    sheets[0];
  if (!sheet) {
    throw unreadable('The workbook has no worksheet.', 'Buku kerja tidak memiliki lembar kerja.');
  }
  const rows: string[][] = [];
  if (sheet.rowCount > MAX_IMPORT_ROWS + 50) throw tooManyRows();
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { format: 'xlsx', sheetName: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
}

const sheetKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const tooManyRows = () =>
  unreadable(
    `The sheet has more than ${MAX_IMPORT_ROWS} rows; import one school's teachers at a time.`,
    `Lembar berisi lebih dari ${MAX_IMPORT_ROWS} baris; impor guru satu sekolah saja.`,
  );

/**
 * Reads a CSV as Excel writes it: UTF-8 (with or without BOM, else Windows-1252), separated
 * by ";" (Indonesian Excel, decimal comma) or "," or a tab, detected from the text.
 */
export function readCsv(bytes: Uint8Array): SheetGrid {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) {
    throw unreadable(
      'The file is not a spreadsheet (CSV or XLSX).',
      'Berkas bukan lembar kerja (CSV atau XLSX).',
    );
  }
  const parsed = Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: false,
  });
  if (parsed.data.length > MAX_IMPORT_ROWS + 50) throw tooManyRows();
  const rows = parsed.data.map((r) => r.map((c) => (c ?? '').trim()));
  // Papa gives a trailing [''] for the final newline.
  while (rows.length > 0 && rows.at(-1)!.every((c) => c === '')) rows.pop();
  return { format: 'csv', sheetName: null, rows };
}

/** The separator that splits the first lines most consistently, ";" first on ties. */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best = ';';
  let bestScore = -1;
  for (const d of [';', ',', '\t']) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const used = counts.filter((c) => c > 0).length;
    const score = used === 0 ? 0 : used * 100 + Math.min(...counts.filter((c) => c > 0));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

export async function readSheet(
  fileName: string,
  bytes: Uint8Array,
  preferSheet?: string[],
): Promise<SheetGrid> {
  if (bytes.length === 0) {
    throw unreadable('The file is empty.', 'Berkas kosong.');
  }
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(bytes.length);
  return detectFormat(fileName, bytes) === 'xlsx' ? readXlsx(bytes, preferSheet) : readCsv(bytes);
}
