import { z } from 'zod';
import { AppError, type TBilingual } from './errors';
import { ZId } from './inputs/directory';
import { STAGES } from './inputs/pts';
import { bi } from './zod-error';

/**
 * Evidence files (issue 17, docs/decisions/020-evidence-files.md): what may be attached,
 * how large, and the inputs of the attachment procedures. The limits are stated in the UI
 * from here, and enforced by the server from here.
 */

export const MIB = 1024 * 1024;

export const ATTACHMENT_LIMITS = {
  /** One uploaded file, as sent (before an image is downscaled). */
  fileBytes: 10 * MIB,
  /** Every attachment of one study's cycles, as stored. */
  studyBytes: 200 * MIB,
  /** An image's long side after re-encoding. */
  imageLongSide: 2000,
  /** A thumbnail's long side (WebP). */
  thumbnailLongSide: 320,
  /** An image larger than this many pixels is refused before decoding (a "pixel bomb"). */
  imagePixels: 100_000_000,
  fileNameChars: 200,
} as const;

export const ATTACHMENT_KINDS = ['image', 'pdf', 'docx'] as const;
export type TAttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The file input's `accept`: a hint for the picker; the server checks the bytes. */
export const ATTACHMENT_ACCEPT =
  'image/jpeg,image/png,image/webp,application/pdf,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "10 MB", "200 MB", "1,5 MB": sizes as a person reads them (MiB, written MB). */
export function formatBytes(bytes: number, lang: 'id' | 'en'): string {
  if (bytes < MIB) {
    // Nothing stored reads 0 KB; any stored byte at least 1 KB (never "0 KB" for a file).
    const kb = bytes === 0 ? 0 : Math.max(1, Math.round(bytes / 1024));
    return `${kb} KB`;
  }
  const tenths = Math.round((bytes * 10) / MIB);
  const whole = tenths % 10 === 0;
  const text = whole ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
  return `${lang === 'id' ? text.replace('.', ',') : text} MB`;
}

export const ATTACHMENT_MESSAGES = {
  fileTooLarge: (): TBilingual => ({
    id: `Berkas terlalu besar: paling besar ${formatBytes(ATTACHMENT_LIMITS.fileBytes, 'id')} per berkas.`,
    en: `The file is too large: at most ${formatBytes(ATTACHMENT_LIMITS.fileBytes, 'en')} a file.`,
  }),
  studyFull: (usedBytes: number, fileBytes: number): TBilingual => ({
    id:
      `Lampiran penelitian ini akan melebihi batas ${formatBytes(ATTACHMENT_LIMITS.studyBytes, 'id')} ` +
      `(terpakai ${formatBytes(usedBytes, 'id')}, berkas ini ${formatBytes(fileBytes, 'id')}). ` +
      'Hapus lampiran draf yang tidak diperlukan.',
    en:
      `This study's attachments would exceed the ${formatBytes(ATTACHMENT_LIMITS.studyBytes, 'en')} limit ` +
      `(${formatBytes(usedBytes, 'en')} used, this file ${formatBytes(fileBytes, 'en')}). ` +
      'Delete draft attachments you do not need.',
  }),
  wrongType: (found: string | null): TBilingual => ({
    id:
      'Jenis berkas tidak diterima' +
      (found ? ` (isinya ${found})` : '') +
      ': unggah foto JPEG, PNG atau WebP, PDF, atau dokumen Word (.docx).',
    en:
      'This kind of file is not accepted' +
      (found ? ` (its content is ${found})` : '') +
      ': upload a JPEG, PNG or WebP photo, a PDF, or a Word document (.docx).',
  }),
  heic: (): TBilingual => ({
    id: 'Foto HEIC (iPhone) belum dapat diproses: ubah ke JPEG (Pengaturan > Kamera > Format > Paling Kompatibel) atau kirim sebagai JPEG.',
    en: 'HEIC photos (iPhone) cannot be processed yet: convert to JPEG (Settings > Camera > Formats > Most Compatible) or share as JPEG.',
  }),
  macros: (): TBilingual => ({
    id: 'Dokumen Word dengan makro (.docm) tidak diterima: simpan sebagai .docx tanpa makro.',
    en: 'Word documents with macros (.docm) are not accepted: save as .docx without macros.',
  }),
  brokenImage: (): TBilingual => ({
    id: 'Gambar rusak atau tidak dapat dibaca.',
    en: 'The image is damaged or cannot be read.',
  }),
  imageTooLarge: (): TBilingual => ({
    id: `Gambar terlalu besar (lebih dari ${ATTACHMENT_LIMITS.imagePixels / 1_000_000} juta piksel).`,
    en: `The image is too large (more than ${ATTACHMENT_LIMITS.imagePixels / 1_000_000} million pixels).`,
  }),
  empty: (): TBilingual => ({ id: 'Berkas kosong.', en: 'The file is empty.' }),
  locked: (): TBilingual => ({
    id: 'Lampiran hanya dapat ditambah atau dihapus selama siklus masih draf atau dikembalikan.',
    en: 'Attachments can be added or deleted only while the cycle is a draft or returned.',
  }),
} as const;

export function fileTooLargeError(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', ATTACHMENT_MESSAGES.fileTooLarge(), { field: 'file' });
}

const ZStage = z.enum(STAGES, {
  error: bi(
    'Tahap harus perencanaan, pelaksanaan, observasi atau refleksi',
    'The stage must be planning, action, observation or reflection',
  ),
});

/** Where a file is attached: one of the cycle's stages, or one teacher's sheet in it. */
export const ZAttachmentStageTarget = z.object({ stage: ZStage }).strict();
export const ZAttachmentTeacherTarget = z.object({ teacherId: ZId }).strict();
export const ZAttachmentTarget = z.union([ZAttachmentStageTarget, ZAttachmentTeacherTarget], {
  error: bi(
    'Lampiran ditujukan ke satu tahap (stage) atau ke lembar satu guru (teacherId)',
    "An attachment goes to one stage (stage) or to one teacher's sheet (teacherId)",
  ),
});
export type TAttachmentTarget = z.infer<typeof ZAttachmentTarget>;

export const ZAttachmentListInput = z.object({ cycleId: ZId }).strict();
export type TAttachmentListInput = z.infer<typeof ZAttachmentListInput>;

/** The file's name as the browser sent it; only its last path segment is kept. */
export const ZAttachmentFileName = z
  .string({ error: bi('Nama berkas wajib diisi', 'The file name is required') })
  .max(1000, bi('Nama berkas terlalu panjang', 'The file name is too long'));

export const ZAttachmentUploadInput = z
  .object({
    cycleId: ZId,
    target: ZAttachmentTarget,
    fileName: ZAttachmentFileName,
    bytes: z.instanceof(Uint8Array, {
      error: bi(
        'Isi berkas wajib dikirim (unggah lewat formulir berkas)',
        'The file content is required (upload through the file form)',
      ),
    }),
  })
  .strict();
export type TAttachmentUploadInput = z.infer<typeof ZAttachmentUploadInput>;

export const ZAttachmentDownloadInput = z
  .object({ attachmentId: ZId, variant: z.enum(['original', 'thumbnail']).default('original') })
  .strict();
export type TAttachmentDownloadInput = z.input<typeof ZAttachmentDownloadInput>;

export const ZAttachmentDeleteInput = z.object({ attachmentId: ZId }).strict();
export type TAttachmentDeleteInput = z.infer<typeof ZAttachmentDeleteInput>;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const UNSAFE_NAME = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069<>:"/\\|?*]/g;

/**
 * The name a file is kept and downloaded under: the last path segment, without control,
 * bidi or path characters, at most 200 characters, ending in the extension of what the
 * bytes are (a JPEG sent as "rpp.pdf" is kept as "rpp.jpg").
 */
export function attachmentFileName(sent: string, extension: string): string {
  const last = sent.split(/[/\\]/).pop() ?? '';
  const clean = last.normalize('NFC').replace(UNSAFE_NAME, '_').trim();
  const stem =
    clean
      .replace(/^\.+/, '')
      .replace(/(.)\.[^.]{1,8}$/, '$1')
      .trim() || 'lampiran';
  const max = ATTACHMENT_LIMITS.fileNameChars - extension.length - 1;
  return `${[...stem].slice(0, max).join('')}.${extension}`;
}
