import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { inflateEntry, listZipEntries } from './sheet-limits';

/**
 * Hostile spreadsheets for the reader's limits (issue 13), built from a real ExcelJS
 * workbook with its sheet XML replaced: tests and `pnpm bench` use the same ones.
 */

export interface Part {
  name: string;
  /** The inflated bytes, or chunks (a 200 MB part is never held whole). */
  data: Buffer | Buffer[];
  /** Declare this uncompressed size in the zip instead of the real one (a lying zip). */
  declaredSize?: number;
}

/** The parts of a one-sheet workbook ExcelJS wrote, sheet1.xml holding `cells`. */
export async function workbookParts(cells: (string | number)[][] = [['Nama', 'Persentase']]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Siklus I');
  for (const row of cells) sheet.addRow(row);
  const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return listZipEntries(bytes).map((e) => ({ name: e.name, data: inflateEntry(bytes, e) }));
}

const deflateChunks = (chunks: Buffer[]): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const z = createDeflateRaw({ level: 9 });
    z.on('data', (b: Buffer) => out.push(b));
    z.on('end', () => resolve(Buffer.concat(out)));
    z.on('error', reject);
    (async () => {
      for (const c of chunks) if (!z.write(c)) await new Promise((r) => z.once('drain', r));
      z.end();
    })().catch(reject);
  });

/** A deflated zip of `parts`, sizes and CRCs as declared (or as a part says to lie). */
export async function deflatedZip(parts: Part[]): Promise<Uint8Array> {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const chunks = Array.isArray(part.data) ? part.data : [part.data];
    let crc = 0;
    let size = 0;
    for (const c of chunks) {
      crc = crc32(c, crc);
      size += c.length;
    }
    const compressed =
      chunks.length === 1 ? deflateRawSync(chunks[0]!) : await deflateChunks(chunks);
    const declared = part.declaredSize ?? size;
    const name = Buffer.from(part.name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(compressed.length, 18);
    head.writeUInt32LE(declared, 22);
    head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(compressed.length, 20);
    dir.writeUInt32LE(declared, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, name, compressed);
    central.push(dir, name);
    offset += head.length + name.length + compressed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** A workbook whose sheet1.xml is `head + body + tail` (body as chunks). */
async function withSheet(body: Buffer[], extra = '', declaredSize?: number) {
  const parts: Part[] = (await workbookParts()).map((p) =>
    p.name === 'xl/worksheets/sheet1.xml'
      ? {
          name: p.name,
          data: [
            Buffer.from(SHEET_HEAD),
            ...body,
            Buffer.from(SHEET_TAIL.replace('</worksheet>', `${extra}</worksheet>`)),
          ],
          ...(declaredSize === undefined ? {} : { declaredSize }),
        }
      : p,
  );
  return deflatedZip(parts);
}

/** One cell at column XFD (16,384) in each of `rows` rows: 5,000 rows is about 27 KB. */
export function xfdPerRow(rows = 5_000): Promise<Uint8Array> {
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) body.push(`<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`);
  return withSheet([Buffer.from(body.join(''))]);
}

/** `megabytes` MB of sheet XML (whitespace inside sheetData) deflated to ~1/1000 of it. */
export function zipBomb(megabytes = 200): Promise<Uint8Array> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  return withSheet(Array.from({ length: megabytes }, () => chunk));
}

/** A small sheet whose zip declares 1 KB for a part that inflates to `megabytes` MB. */
export function lyingZip(megabytes = 50): Promise<Uint8Array> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  return withSheet(
    Array.from({ length: megabytes }, () => chunk),
    '',
    1024,
  );
}

/** Normal rows plus what ExcelJS would expand cell by cell: a data validation over the
 * whole sheet (dropped unread) and, when `merge` is given, a merged area (bounded). */
export function withRanges(opts: { rows: string[][]; merge?: string; validation?: string }) {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = opts.rows
    .map(
      (cells, i) =>
        `<row r="${i + 1}">${cells
          .map((t, j) => {
            const ref = `${String.fromCharCode(65 + j)}${i + 1}`;
            return /^-?\d+(\.\d+)?$/.test(t)
              ? `<c r="${ref}"><v>${t}</v></c>`
              : `<c r="${ref}" t="inlineStr"><is><t>${esc(t)}</t></is></c>`;
          })
          .join('')}</row>`,
    )
    .join('');
  const merge = opts.merge
    ? `<mergeCells count="1"><mergeCell ref="${opts.merge}"/></mergeCells>`
    : '';
  const validation = opts.validation
    ? `<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="${opts.validation}"><formula1>0</formula1></dataValidation></dataValidations>`
    : '';
  // Element order as the schema has it: sheetData, mergeCells, dataValidations.
  return withSheet([Buffer.from(body)], `${merge}${validation}`);
}
