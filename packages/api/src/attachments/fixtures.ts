import JSZip from 'jszip';
import sharp from 'sharp';

/*
 * Files the attachment tests upload, made here rather than shipped: a photo with its GPS
 * position in the EXIF, a PDF, Word documents with and without macros, a plain zip and a
 * Windows executable's first bytes.
 */

/** A 3,000 x 1,500 JPEG carrying EXIF with a camera make and a GPS position (Bogor). */
export async function photoWithGps(width = 3000, height = 1500): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7f5a' } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Siklus Test Camera', Orientation: '1' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 35/1 2400/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 47/1 0/1',
      },
    })
    .toBuffer();
}

export async function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 4, background: '#ffcc00' } })
    .png()
    .toBuffer();
}

export const minimalPdf = (): Buffer =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );

async function wordZip(mainType: string, extra: Record<string, string> = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/word/document.xml" ContentType="${mainType}"/></Types>`,
  );
  zip.file('word/document.xml', '<w:document/>');
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const DOCX_MAIN =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
export const docx = () => wordZip(DOCX_MAIN);
export const docm = () => wordZip('application/vnd.ms-word.document.macroEnabled.main+xml');
export const docxWithVba = () => wordZip(DOCX_MAIN, { 'word/vbaProject.bin': 'VBA' });

export async function plainZip(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('virus.exe', 'MZ');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The start of a Windows PE executable ("MZ" header, DOS stub). */
export const executable = (): Buffer =>
  Buffer.concat([
    Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00]),
    Buffer.alloc(500, 0x41),
  ]);
