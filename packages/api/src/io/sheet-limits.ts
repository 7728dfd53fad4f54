import { availableParallelism } from 'node:os';
import { crc32, inflateRawSync } from 'node:zlib';
import { AppError } from '@siklus/domain';

/**
 * The limits a spreadsheet is read under, checked before anything expands (issue 13: a
 * 27 KB XLSX with one cell at column XFD per row, or a 201 KiB zip of 200 MB of sheet XML,
 * took the server's heap). An XLSX is a zip of XML parts: its central directory says how
 * big each part is before anything is inflated, the inflation is held to that size, and
 * the sheet XML is scanned for its used range before ExcelJS builds a cell of it. Why each
 * figure: docs/decisions/007-faults-and-durability.md.
 */
export const SHEET_LIMITS = {
  /** Parts in the zip; Excel writes about 10 for a one-sheet workbook. */
  maxZipEntries: 200,
  /** One part, inflated: 5,000 rows x 64 columns of numbers is about 13 MB of XML. */
  maxPartBytes: 16 * 1024 * 1024,
  /** Every part kept, inflated, together. */
  maxUnpackedBytes: 32 * 1024 * 1024,
  /** Inflated / compressed, for parts over ratioFloorBytes (tiny parts compress freely). */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  /** Spreadsheet rows: a district's largest school has about 30 teachers. */
  maxRows: 5_000,
  /** Header and title lines allowed above the rows. */
  headerRows: 50,
  /** Columns: name, class, NIP and indicators (the largest rubric has about 40). */
  maxColumns: 64,
  /** Cells in all sheets together (merged areas count as their cells). */
  maxCells: 200_000,
  /** Merged areas: ExcelJS compares each with every earlier one. */
  maxMerges: 1_000,
  /** Reading one file: wall time, and the reading thread's heap. */
  timeoutMs: 15_000,
  heapMb: 192,
  /**
   * Files read at once (a core is left to the event loop; on 2 cores, one at a time); more
   * wait in a queue of at most maxQueued, the rest are told to try again.
   */
  concurrentReads: Math.min(4, Math.max(1, availableParallelism() - 1)),
  maxQueued: 8,
} as const;

const MiB = 1024 * 1024;
/** Megabytes with a decimal comma (Indonesian) or point (English). */
const mbId = (bytes: number) => (bytes / MiB).toFixed(1).replace('.', ',');
const mbEn = (bytes: number) => (bytes / MiB).toFixed(1);
const thousands = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** A refusal that names the limit, in both languages, on the file field. */
function refused(
  code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE',
  limit: string,
  messages: { id: string; en: string },
  found?: number,
): AppError {
  return new AppError(code, messages, {
    field: 'contentBase64',
    details: { limit, ...(found === undefined ? {} : { found }) },
  });
}

export const damagedZip = () =>
  refused('BAD_REQUEST', 'zip', {
    id: 'Berkas Excel tidak dapat dibaca (rusak atau dilindungi kata sandi). Simpan ulang dari Excel.',
    en: 'The Excel file cannot be read (damaged or password protected). Save it again from Excel.',
  });

export const tooManyRowsError = (found?: number) =>
  refused(
    'BAD_REQUEST',
    'rows',
    {
      id: `Lembar berisi lebih dari ${thousands(SHEET_LIMITS.maxRows, '.')} baris${found ? ` (sampai baris ${thousands(found, '.')})` : ''}; impor guru satu sekolah saja.`,
      en: `The sheet has more than ${thousands(SHEET_LIMITS.maxRows, ',')} rows${found ? ` (up to row ${thousands(found, ',')})` : ''}; import one school's teachers at a time.`,
    },
    found,
  );

export const tooManyColumnsError = (column: number) =>
  refused(
    'BAD_REQUEST',
    'columns',
    {
      id: `Lembar memakai kolom ${columnName(column)} (kolom ke-${thousands(column, '.')}); paling banyak ${SHEET_LIMITS.maxColumns} kolom (sampai ${columnName(SHEET_LIMITS.maxColumns)}). Hapus isi kolom di sebelah kanan tabel.`,
      en: `The sheet uses column ${columnName(column)} (column ${thousands(column, ',')}); at most ${SHEET_LIMITS.maxColumns} columns (up to ${columnName(SHEET_LIMITS.maxColumns)}). Clear the columns to the right of the table.`,
    },
    column,
  );

export const tooManyCellsError = () =>
  refused('PAYLOAD_TOO_LARGE', 'cells', {
    id: `Berkas berisi lebih dari ${thousands(SHEET_LIMITS.maxCells, '.')} sel; simpan hanya lembar observasinya.`,
    en: `The file has more than ${thousands(SHEET_LIMITS.maxCells, ',')} cells; keep only the observation sheet.`,
  });

export const readTimeoutError = () =>
  refused('PAYLOAD_TOO_LARGE', 'time', {
    id: `Membaca berkas memakan waktu lebih dari ${SHEET_LIMITS.timeoutMs / 1000} detik dan dihentikan; simpan hanya lembar observasinya.`,
    en: `Reading the file took longer than ${SHEET_LIMITS.timeoutMs / 1000} s and was stopped; keep only the observation sheet.`,
  });

export const readMemoryError = (heapMb: number = SHEET_LIMITS.heapMb) =>
  refused('PAYLOAD_TOO_LARGE', 'memory', {
    id: `Membaca berkas memerlukan lebih dari ${heapMb} MB memori dan dihentikan; simpan hanya lembar observasinya.`,
    en: `Reading the file needed more than ${heapMb} MB of memory and was stopped; keep only the observation sheet.`,
  });

export const readersBusyError = () =>
  new AppError('TOO_MANY_REQUESTS', {
    id: 'Server sedang membaca banyak berkas lain. Coba lagi sebentar lagi.',
    en: 'The server is reading many other files right now. Try again in a moment.',
  });

/** 1 -> "A", 64 -> "BL", 16384 -> "XFD". */
export function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) {
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  }
  return s;
}

/** "XFD" -> 16384; letters only, so "A1" must be split first. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
    // Past Excel's own last column: no need to count further.
    if (n > 1_000_000) return n;
  }
  return n;
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/**
 * The zip's central directory: each part's name and sizes as declared, read without
 * inflating anything. Anything malformed, encrypted, ZIP64 (an import file is at most 2 MB)
 * or compressed other than stored/deflate is refused as damaged.
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damagedZip();
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) throw damagedZip();
  if (count > SHEET_LIMITS.maxZipEntries) {
    throw refused(
      'PAYLOAD_TOO_LARGE',
      'parts',
      {
        id: `Berkas Excel terdiri atas ${count} bagian; paling banyak ${SHEET_LIMITS.maxZipEntries}. Simpan hanya lembar observasinya, tanpa gambar.`,
        en: `The Excel file has ${count} parts; at most ${SHEET_LIMITS.maxZipEntries}. Keep only the observation sheet, without pictures.`,
      },
      count,
    );
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw damagedZip();
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    };
    const zip64 =
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff;
    // Bit 0: encrypted (a password-protected workbook is not even a zip; this is another tool).
    if (zip64 || entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) {
      throw damagedZip();
    }
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw damagedZip();
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The declared sizes against the limits: each part, all parts, and the compression ratio
 * of each large part (a zip bomb is a small file of highly repetitive XML).
 */
export function checkZipEntries(entries: ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > SHEET_LIMITS.maxPartBytes) {
      throw refused(
        'PAYLOAD_TOO_LARGE',
        'partBytes',
        {
          id: `Bagian ${e.name} di dalam berkas Excel berukuran ${mbId(e.uncompressedSize)} MB bila dibuka; paling besar ${mbId(SHEET_LIMITS.maxPartBytes)} MB.`,
          en: `The part ${e.name} of the Excel file is ${mbEn(e.uncompressedSize)} MB unpacked; at most ${mbEn(SHEET_LIMITS.maxPartBytes)} MB.`,
        },
        e.uncompressedSize,
      );
    }
    if (
      e.uncompressedSize > SHEET_LIMITS.ratioFloorBytes &&
      e.uncompressedSize > SHEET_LIMITS.maxRatio * Math.max(1, e.compressedSize)
    ) {
      const ratio = Math.round(e.uncompressedSize / Math.max(1, e.compressedSize));
      throw refused(
        'PAYLOAD_TOO_LARGE',
        'ratio',
        {
          id: `Bagian ${e.name} di dalam berkas Excel dimampatkan ${ratio} kali; paling banyak ${SHEET_LIMITS.maxRatio} kali. Berkas ini tidak dibaca.`,
          en: `The part ${e.name} of the Excel file is compressed ${ratio} to 1; at most ${SHEET_LIMITS.maxRatio} to 1. The file is not read.`,
        },
        ratio,
      );
    }
    total += e.uncompressedSize;
  }
  if (total > SHEET_LIMITS.maxUnpackedBytes) {
    throw refused(
      'PAYLOAD_TOO_LARGE',
      'unpackedBytes',
      {
        id: `Isi berkas Excel berukuran ${mbId(total)} MB bila dibuka; paling besar ${mbId(SHEET_LIMITS.maxUnpackedBytes)} MB. Simpan hanya lembar observasinya.`,
        en: `The Excel file is ${mbEn(total)} MB unpacked; at most ${mbEn(SHEET_LIMITS.maxUnpackedBytes)} MB. Keep only the observation sheet.`,
      },
      total,
    );
  }
}

/**
 * One part's bytes, inflated no further than its declared size (zlib stops at
 * maxOutputLength), and checked against its declared size and CRC: a central directory
 * that lies cannot make the inflation run on.
 */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw damagedZip();
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw damagedZip();
  const data = buf.subarray(start, end);
  let out: Buffer;
  try {
    out =
      e.method === 0
        ? Buffer.from(data)
        : inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
  } catch {
    throw damagedZip();
  }
  if (out.length !== e.uncompressedSize || crc32(out) !== e.crc) throw damagedZip();
  return out;
}

/** A zip of stored (uncompressed) parts: what ExcelJS gets, so it inflates nothing itself. */
export function storedZip(parts: { name: string; data: Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** The parts ExcelJS needs for cell values; the rest (drawings, media, comments, tables,
 * pivot caches, external links, the sheets' own relationships) is never handed to it. */
export function isKeptPart(name: string): boolean {
  return (
    name === '[Content_Types].xml' ||
    name === '_rels/.rels' ||
    name === 'xl/workbook.xml' ||
    name === 'xl/_rels/workbook.xml.rels' ||
    name === 'xl/styles.xml' ||
    name === 'xl/sharedStrings.xml' ||
    /^xl\/theme\/[^/]+\.xml$/.test(name) ||
    /^xl\/worksheets\/[^/]+\.xml$/.test(name)
  );
}

/** Elements removed before ExcelJS parses a sheet: it expands their ranges cell by cell
 * (a data validation on A1:XFD1048576 is 17 billion entries; a <col max> of a billion is a
 * billion columns), or they point at parts that are not kept. None carries a cell value. */
const DROPPED_SHEET_ELEMENTS = [
  'dimension',
  'cols',
  'dataValidations',
  'conditionalFormatting',
  'hyperlinks',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'tableParts',
  'extLst',
];
const droppedSheetElements = new RegExp(
  DROPPED_SHEET_ELEMENTS.map((n) => `<${n}\\b[^>]*?/>|<${n}\\b[^>]*>[\\s\\S]*?</${n}>`).join('|'),
  'g',
);

/** The workbook's defined names (print areas, filter ranges) are expanded cell by cell too. */
export function sanitizeWorkbookXml(xml: string): string {
  return xml.replace(/<definedNames\b[^>]*?\/>|<definedNames\b[^>]*>[\s\S]*?<\/definedNames>/g, '');
}

const attr = (attrs: string, name: string) =>
  new RegExp(`(?:^|\\s)${name}\\s*=\\s*(["'])(.*?)\\1`).exec(attrs)?.[2];

/** "XFD12" -> { column: 16384, row: 12 }; a reference may carry $ signs. */
function parseRef(ref: string): { column: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,10})\$?(\d{1,10})$/.exec(ref.trim());
  return m ? { column: columnNumber(m[1]!), row: Number(m[2]) } : null;
}

/**
 * Scans one sheet's XML for its used range before any cell object exists: every row and
 * cell reference and every merged area must lie within maxRows (+ header rows) x
 * maxColumns, and the cells and merges counted so far (shared across sheets) within
 * maxCells and maxMerges.
 * Returns the sheet without the elements ExcelJS would expand or follow.
 */
export function checkSheetXml(
  xml: string,
  cells: { count: number },
  merges: { count: number } = { count: 0 },
): string {
  const lastRow = SHEET_LIMITS.maxRows + SHEET_LIMITS.headerRows;
  const within = (ref: { column: number; row: number }) => {
    if (ref.column > SHEET_LIMITS.maxColumns) throw tooManyColumnsError(ref.column);
    if (ref.row > lastRow) throw tooManyRowsError(ref.row);
  };
  const sanitized = xml.replace(droppedSheetElements, '');
  let row = 0;
  let column = 0;
  for (const m of sanitized.matchAll(/<(row|c|mergeCell)(?=[\s/>])([^>]*)>/g)) {
    const [, tag, attrs = ''] = m;
    if (tag === 'row') {
      const r = attr(attrs, 'r');
      row = r === undefined ? row + 1 : Number(r);
      if (!Number.isInteger(row) || row < 1) throw damagedZip();
      column = 0;
      within({ row, column: 1 });
    } else if (tag === 'c') {
      if (++cells.count > SHEET_LIMITS.maxCells) throw tooManyCellsError();
      const r = attr(attrs, 'r');
      const ref = r === undefined ? { row: Math.max(row, 1), column: column + 1 } : parseRef(r);
      if (!ref) throw damagedZip();
      within(ref);
      column = ref.column;
    } else {
      if (++merges.count > SHEET_LIMITS.maxMerges) throw tooManyCellsError();
      const [from, to] = (attr(attrs, 'ref') ?? '').split(':').map((s) => parseRef(s ?? ''));
      if (!from) throw damagedZip();
      const end = to ?? from;
      within(from);
      within(end);
      const area = (Math.abs(end.row - from.row) + 1) * (Math.abs(end.column - from.column) + 1);
      cells.count += area;
      if (cells.count > SHEET_LIMITS.maxCells) throw tooManyCellsError();
    }
  }
  return sanitized;
}
