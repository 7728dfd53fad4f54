import {
  AppError,
  ATTACHMENT_LIMITS,
  ATTACHMENT_MESSAGES,
  fileTooLargeError,
  LETTERHEAD_LOGO_MAX_BYTES,
  LETTERHEAD_LOGO_SIDE,
  LETTERHEAD_MESSAGES,
  type TAttachmentKind,
} from '@siklus/domain';
import { unzipSync } from 'fflate';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';

/**
 * What an uploaded file is, decided by its bytes (never by its name or the browser's
 * type), and what is kept of it (docs/decisions/020-evidence-files.md):
 * - JPEG, PNG, WebP: decoded and encoded again, turned upright, at most 2,000 px on the
 *   long side, with no metadata at all (EXIF with its GPS position, XMP, IPTC, comments),
 *   plus a 320 px WebP thumbnail;
 * - PDF: kept as sent (served as a download, never inline);
 * - DOCX: a zip whose [Content_Types].xml names a Word document and holds no macros;
 *   any other zip (an .xlsx, a .docm, an archive) is refused.
 * Anything else (an executable renamed .jpg, HEIC, a zip renamed .docx) is refused with a
 * message saying what is accepted.
 */

export interface ProcessedFile {
  kind: TAttachmentKind;
  extension: string;
  contentType: string;
  bytes: Uint8Array;
  thumbnail: Uint8Array | null;
  width: number | null;
  height: number | null;
}

const IMAGES = new Map([
  ['jpg', 'image/jpeg'],
  ['png', 'image/png'],
  ['webp', 'image/webp'],
]);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MACRO_TYPES = new Set(['docm', 'dotm', 'xlsm', 'pptm']);

function refuse(messages: { id: string; en: string }): never {
  throw new AppError('BAD_REQUEST', messages, { field: 'file' });
}

export async function processUpload(bytes: Uint8Array): Promise<ProcessedFile> {
  if (bytes.byteLength === 0) refuse(ATTACHMENT_MESSAGES.empty());
  if (bytes.byteLength > ATTACHMENT_LIMITS.fileBytes) throw fileTooLargeError();
  const type = await fileTypeFromBuffer(bytes);
  if (!type) refuse(ATTACHMENT_MESSAGES.wrongType(null));
  if (type.ext === 'heic' || type.mime.startsWith('image/heif') || type.mime === 'image/heic') {
    refuse(ATTACHMENT_MESSAGES.heic());
  }
  if (MACRO_TYPES.has(type.ext)) refuse(ATTACHMENT_MESSAGES.macros());
  if (IMAGES.has(type.ext)) return processImage(bytes, type.ext);
  if (type.ext === 'pdf') {
    return {
      kind: 'pdf',
      extension: 'pdf',
      contentType: 'application/pdf',
      bytes,
      thumbnail: null,
      width: null,
      height: null,
    };
  }
  if (type.ext === 'docx') {
    assertPlainDocx(bytes);
    return {
      kind: 'docx',
      extension: 'docx',
      contentType: DOCX_TYPE,
      bytes,
      thumbnail: null,
      width: null,
      height: null,
    };
  }
  refuse(ATTACHMENT_MESSAGES.wrongType(type.ext.toUpperCase()));
}

/** A .docx that carries a VBA project anyway (Word ignores it; we refuse it). */
function assertPlainDocx(bytes: Uint8Array): void {
  const names: string[] = [];
  try {
    // Lists the entries without inflating any of them.
    unzipSync(bytes, {
      filter: (entry) => {
        names.push(entry.name);
        return false;
      },
    });
  } catch {
    refuse(ATTACHMENT_MESSAGES.wrongType('ZIP'));
  }
  if (names.some((n) => /vbaProject\.bin$|vbaData\.xml$/i.test(n))) {
    refuse(ATTACHMENT_MESSAGES.macros());
  }
}

async function processImage(bytes: Uint8Array, ext: string): Promise<ProcessedFile> {
  const { imageLongSide: side, thumbnailLongSide: thumb, imagePixels } = ATTACHMENT_LIMITS;
  const open = () =>
    sharp(bytes, { failOn: 'error', limitInputPixels: imagePixels, sequentialRead: true })
      // Upright by its EXIF orientation, before the EXIF is dropped with the rest.
      .autoOrient();
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    refuse(ATTACHMENT_MESSAGES.brokenImage());
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > imagePixels) {
    refuse(ATTACHMENT_MESSAGES.imageTooLarge());
  }
  try {
    const resized = open().resize({
      width: side,
      height: side,
      fit: 'inside',
      withoutEnlargement: true,
    });
    // sharp writes no metadata unless asked (withMetadata/keepExif): none is asked for.
    const encoded =
      ext === 'png'
        ? resized.png({ compressionLevel: 9 })
        : ext === 'webp'
          ? resized.webp({ quality: 85 })
          : resized.jpeg({ quality: 85, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumbnail = await open()
      .resize({ width: thumb, height: thumb, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    return {
      kind: 'image',
      extension: ext,
      contentType: IMAGES.get(ext)!,
      bytes: new Uint8Array(data),
      thumbnail: new Uint8Array(thumbnail),
      width: info.width,
      height: info.height,
    };
  } catch {
    refuse(ATTACHMENT_MESSAGES.brokenImage());
  }
}

/**
 * A district's letterhead logo (issue 20): an image by its bytes (JPEG, PNG or WebP),
 * decoded and encoded again as PNG (transparency kept), upright, at most
 * LETTERHEAD_LOGO_SIDE px on its long side, with no metadata; anything else is refused.
 */
export async function processLogo(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.byteLength === 0) refuse(ATTACHMENT_MESSAGES.empty());
  if (bytes.byteLength > LETTERHEAD_LOGO_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', LETTERHEAD_MESSAGES.tooLarge(), { field: 'file' });
  }
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !IMAGES.has(type.ext)) {
    refuse(LETTERHEAD_MESSAGES.notAnImage(type ? type.ext.toUpperCase() : null));
  }
  try {
    const png = await sharp(bytes, {
      failOn: 'error',
      limitInputPixels: ATTACHMENT_LIMITS.imagePixels,
    })
      .autoOrient()
      .resize({
        width: LETTERHEAD_LOGO_SIDE,
        height: LETTERHEAD_LOGO_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .png({ compressionLevel: 9 })
      .toBuffer();
    return new Uint8Array(png);
  } catch {
    refuse(ATTACHMENT_MESSAGES.brokenImage());
  }
}
