import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorCode } from '@siklus/domain';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import {
  checkSheetXml,
  checkZipEntries,
  inflateEntry,
  isKeptPart,
  listZipEntries,
  readersBusyError,
  readMemoryError,
  readTimeoutError,
  SHEET_LIMITS,
  sanitizeWorkbookXml,
  storedZip,
  tooManyCellsError,
  tooManyColumnsError,
  tooManyRowsError,
} from './sheet-limits';

/**
 * Reads an uploaded spreadsheet (XLSX or CSV) into a grid of cell texts, as a person sees
 * them: numbers without binary noise ("35.75", never "35.750000000000004"), percentages
 * formatted as % in Excel turned back into 0-100, formulas as their cached result. Nothing
 * here knows about teachers or rubrics; import-sheet.ts reads meaning into the grid.
 */

/** The largest file accepted (bytes). The client checks it too; the server decides. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
/** Rows past this are refused: a district's largest school has ~30 teachers. */
export const MAX_IMPORT_ROWS = SHEET_LIMITS.maxRows;

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
 * The workbook ExcelJS may see: every part's declared size within the limits, each kept
 * part inflated here no further than its declared size, every sheet's used range scanned
 * (sheet-limits.ts), then handed over as a zip of stored parts, so ExcelJS inflates nothing
 * and builds no cell outside the range already checked.
 */
export function boundedWorkbook(bytes: Uint8Array): Buffer {
  const entries = listZipEntries(bytes);
  checkZipEntries(entries);
  const cells = { count: 0 };
  const merges = { count: 0 };
  const parts: { name: string; data: Buffer }[] = [];
  for (const entry of entries) {
    if (!isKeptPart(entry.name)) continue;
    let data = inflateEntry(bytes, entry);
    if (entry.name.startsWith('xl/worksheets/')) {
      data = Buffer.from(checkSheetXml(data.toString('utf8'), cells, merges), 'utf8');
    } else if (entry.name === 'xl/workbook.xml') {
      data = Buffer.from(sanitizeWorkbookXml(data.toString('utf8')), 'utf8');
    }
    parts.push({ name: entry.name, data });
  }
  return storedZip(parts);
}

/**
 * Reads an XLSX. With several worksheets, the one named like `preferSheet` (e.g. "Siklus I")
 * wins, so one workbook can carry every cycle's table; otherwise the first one. Runs in the
 * reading thread (readSheet); the limits hold here too, so no caller can skip them.
 */
export async function readXlsx(bytes: Uint8Array, preferSheet?: string[]): Promise<SheetGrid> {
  const bounded = boundedWorkbook(bytes);
  // Loaded only once the file has passed its limits: a refusal does not wait for it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bounded as unknown as ArrayBuffer);
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
  // The scan has bounded every row and cell reference; these stay as a second fence.
  if (sheet.rowCount > MAX_IMPORT_ROWS + SHEET_LIMITS.headerRows) throw tooManyRows();
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.cellCount > SHEET_LIMITS.maxColumns) throw tooManyColumnsError(row.cellCount);
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

const tooManyRows = () => tooManyRowsError();

/**
 * Reads a CSV as Excel writes it: UTF-8 (with or without BOM, else Windows-1252), separated
 * by ";" (Indonesian Excel, decimal comma) or "," or a tab, detected from the text.
 */
export function readCsv(bytes: Uint8Array): SheetGrid {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
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
  if (parsed.data.length > MAX_IMPORT_ROWS + SHEET_LIMITS.headerRows) throw tooManyRows();
  let cellCount = 0;
  for (const r of parsed.data) {
    if (r.length > SHEET_LIMITS.maxColumns) throw tooManyColumnsError(r.length);
    cellCount += r.length;
  }
  if (cellCount > SHEET_LIMITS.maxCells) throw tooManyCellsError();
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

/** The reading itself, in this thread: what the reading thread runs (sheet-worker.ts). */
export async function readSheetHere(
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

/** What the reading thread gets and answers (structured-cloned, so no class instances). */
export interface SheetJob {
  fileName: string;
  bytes: Uint8Array;
  preferSheet?: string[] | undefined;
}
export type SheetAnswer =
  | { ok: true; grid: SheetGrid }
  | {
      ok: false;
      error: {
        code: AppErrorCode;
        messages: { id: string; en: string };
        field?: string | undefined;
        details?: Record<string, unknown> | undefined;
      } | null;
      message: string;
    };

// A .mjs file, so plain Node can start it; it loads sheet-worker.ts through tsx (the
// server runs TypeScript source everywhere: decision 001).
const WORKER_URL = new URL('./sheet-worker-boot.mjs', import.meta.url);

let reading = 0;
const waiting: (() => void)[] = [];

/** A place among the concurrent readers, or TOO_MANY_REQUESTS when the queue is full. */
async function readerSlot(): Promise<() => void> {
  if (reading >= SHEET_LIMITS.concurrentReads) {
    if (waiting.length >= SHEET_LIMITS.maxQueued) throw readersBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    reading++;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    // The slot passes straight to the next in line; `reading` stays the same.
    if (next) next();
    else reading--;
  };
}

/**
 * Reads an uploaded spreadsheet in a thread of its own, with a heap of its own
 * (`resourceLimits`) and a deadline: whatever a file does, the event loop keeps answering
 * and the server's heap is not the one that fills. A thread past its deadline is
 * terminated; one that runs out of heap dies alone. Each refusal names its limit.
 */
export async function readSheet(
  fileName: string,
  bytes: Uint8Array,
  preferSheet?: string[],
  /** Tests only: a shorter deadline or a smaller heap, to see each fence hold. */
  fences: { timeoutMs?: number; heapMb?: number } = {},
): Promise<SheetGrid> {
  if (bytes.length === 0) {
    throw unreadable('The file is empty.', 'Berkas kosong.');
  }
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(bytes.length);
  // The zip's declared sizes are checked here already: a zip bomb starts no thread.
  if (detectFormat(fileName, bytes) === 'xlsx') checkZipEntries(listZipEntries(bytes));
  const release = await readerSlot();
  try {
    return await readInWorker({ fileName, bytes, preferSheet }, fences);
  } finally {
    release();
    // The next file should not wait for a thread to start (~0.5-1 s): have one ready.
    prepareSpareReader();
  }
}

/**
 * Each file gets a fresh thread (whatever one file did to a heap ends with it), started
 * ahead of need: one idle reader waits for the next file. It is unref'd, so it never keeps
 * a process alive, and dropped if it dies while waiting.
 */
let spareReader: Worker | null = null;

function startReader(heapMb: number): Worker {
  const worker = new Worker(WORKER_URL, {
    // Not the parent's flags: under tsx those load tsx's hooks a second time (the boot
    // file loads them itself), which costs a third of the start.
    execArgv: [],
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: 32,
      stackSizeMb: 4,
    },
  });
  worker.unref();
  return worker;
}

function prepareSpareReader(): void {
  if (spareReader) return;
  const worker = startReader(SHEET_LIMITS.heapMb);
  const drop = () => {
    if (spareReader === worker) spareReader = null;
  };
  worker.once('error', drop);
  worker.once('exit', drop);
  spareReader = worker;
}

function takeReader(heapMb: number): Worker {
  // A test's smaller heap gets a thread of its own.
  if (heapMb !== SHEET_LIMITS.heapMb) return startReader(heapMb);
  const worker = spareReader ?? startReader(heapMb);
  spareReader = null;
  return worker;
}

function readInWorker(
  job: SheetJob,
  fences: { timeoutMs?: number; heapMb?: number },
): Promise<SheetGrid> {
  const heapMb = fences.heapMb ?? SHEET_LIMITS.heapMb;
  return new Promise((resolve, reject) => {
    const worker = takeReader(heapMb);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(readTimeoutError())),
      fences.timeoutMs ?? SHEET_LIMITS.timeoutMs,
    );
    worker.postMessage(job);
    worker.once('message', (answer: SheetAnswer) =>
      settle(() => {
        if (answer.ok) return resolve(answer.grid);
        const e = answer.error;
        reject(
          e
            ? new AppError(e.code, e.messages, {
                ...(e.field ? { field: e.field } : {}),
                ...(e.details === undefined ? {} : { details: e.details }),
              })
            : new Error(`reading the spreadsheet failed: ${answer.message}`),
        );
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? readMemoryError(heapMb) : err)),
    );
    worker.once('exit', (code) =>
      settle(() =>
        reject(new Error(`the spreadsheet reader stopped (exit ${code}) without an answer`)),
      ),
    );
  });
}
