import ExcelJS from 'exceljs';
import Papa from 'papaparse';

/**
 * Tables as spreadsheets. A table is columns and rows of text or decimal strings; XLSX gets
 * real numeric cells (format 0.00, so Excel sums and charts them), CSV gets the Indonesian
 * Excel dialect: ";" between cells, a decimal comma and a UTF-8 BOM, so a double click opens
 * it right in Indonesian Excel and Siklus's own import reads it back (decision 009).
 */

export type CellKind = 'text' | 'decimal' | 'integer';

export interface SheetColumn {
  header: string;
  kind: CellKind;
  /** Width in characters. */
  width?: number;
}

export type SheetCell = string | number | null;

export interface SheetTable {
  /** The worksheet's name (at most 31 characters; Excel's limit). */
  name: string;
  /** Lines above the table (caption, school): XLSX only. */
  title?: string[];
  columns: SheetColumn[];
  rows: SheetCell[][];
  /** Rows under the table, such as "Rata-rata", drawn bold. */
  footer?: SheetCell[][];
  /** Lines under the table (notes): XLSX only. */
  notes?: string[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const sheetName = (name: string, used: Set<string>) => {
  let base = name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
  let n = 2;
  while (used.has(base.toLowerCase())) base = `${name.slice(0, 27)} (${n++})`;
  used.add(base.toLowerCase());
  return base;
};

function numeric(value: SheetCell, kind: CellKind): SheetCell {
  if (kind === 'text' || value === null || typeof value === 'number') return value;
  // Decimal strings from the domain package: two places at most, exact as a double.
  // A label in a numeric column ("Rata-rata" under "No") stays text.
  if (value === '') return null;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

export async function toXlsx(tables: SheetTable[], meta: { title: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Siklus';
  workbook.title = meta.title;
  workbook.created = new Date(0);
  const used = new Set<string>();
  for (const table of tables) {
    const ws = workbook.addWorksheet(sheetName(table.name, used));
    ws.columns = table.columns.map((c) => ({
      width: c.width ?? Math.max(10, Math.min(45, c.header.length + 4)),
    }));
    for (const line of table.title ?? []) {
      const row = ws.addRow([line]);
      row.font = { bold: true };
    }
    if (table.title?.length) ws.addRow([]);
    const header = ws.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    const add = (cells: SheetCell[], bold: boolean) => {
      const row = ws.addRow(cells.map((v, i) => numeric(v, table.columns[i]?.kind ?? 'text')));
      table.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.kind === 'decimal') cell.numFmt = '0.00';
        if (c.kind === 'integer') cell.numFmt = '0';
      });
      if (bold) row.font = { bold: true };
    };
    for (const r of table.rows) add(r, false);
    for (const r of table.footer ?? []) add(r, true);
    if (table.notes?.length) {
      ws.addRow([]);
      for (const line of table.notes) ws.addRow([line]);
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** One table as CSV (the first, when a workbook would have several sheets). */
export function toCsv(table: SheetTable): Uint8Array {
  return csvBytes(csvLines(table));
}

/**
 * Several tables in one CSV, each under a line naming it and after an empty line: a study of
 * several instruments has one table of each (decision 022), which a CSV cannot put on sheets.
 */
export function toCsvSections(
  sections: readonly { label: string; table: SheetTable }[],
): Uint8Array {
  return csvBytes(
    sections.flatMap((s, i) => [...(i > 0 ? [[]] : []), [textCell(s.label)], ...csvLines(s.table)]),
  );
}

// A typed name starting with = + - @ would run as a formula when Excel opens the CSV.
const textCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

function csvLines(table: SheetTable): string[][] {
  const text = (v: SheetCell, kind: CellKind) => {
    if (v === null) return '';
    if (kind !== 'text' && typeof v === 'string') return v.replace('.', ',');
    if (typeof v === 'number') return String(v).replace('.', ',');
    return textCell(v);
  };
  return [
    table.columns.map((c) => c.header),
    ...[...table.rows, ...(table.footer ?? [])].map((r) =>
      table.columns.map((c, i) => text(r[i] ?? null, c.kind)),
    ),
  ];
}

function csvBytes(data: string[][]): Uint8Array {
  const csv = Papa.unparse(data, { delimiter: ';', newline: '\r\n' });
  return new TextEncoder().encode(`\uFEFF${csv}\r\n`);
}

/** "SD Negeri Lulut 2" -> "SDN-Lulut-2": short, safe in every file system. */
export function fileSlug(text: string): string {
  return text
    .replace(/^SD\s+Negeri\b/i, 'SDN')
    .replace(/^SMP\s+Negeri\b/i, 'SMPN')
    .replace(/^SD\s+Swasta\b/i, 'SDS')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export interface FileOut {
  fileName: string;
  contentType: string;
  /** The file's bytes as base64, so the procedure answers over JSON too. */
  contentBase64: string;
}

export const fileOut = (fileName: string, contentType: string, bytes: Uint8Array): FileOut => ({
  fileName,
  contentType,
  contentBase64: Buffer.from(bytes).toString('base64'),
});
