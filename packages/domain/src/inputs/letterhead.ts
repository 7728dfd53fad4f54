import { z } from 'zod';
import type { TBilingual } from '../errors';
import { bi } from '../zod-error';
import { ZEmail } from './directory';
import { zText } from './text';

/**
 * The district office's letterhead (kop surat) printed at the head of every report, and
 * the place its signature block is dated at ("Bogor, 3 Januari 2024"). Set by the
 * district's admin (issue 20). The logo travels apart (ZLetterheadLogoInput).
 */

/** The logo as sent: at most 512 KB, so its base64 fits the ordinary 1 MiB request. */
export const LETTERHEAD_LOGO_MAX_BYTES = 512 * 1024;
/** The logo as kept: re-encoded as PNG, at most this many pixels on its long side. */
export const LETTERHEAD_LOGO_SIDE = 600;

const optionalLine = (label: { id: string; en: string }, max: number) =>
  zText(label, { max })
    .nullable()
    .transform((s) => (s === null || s === '' ? null : s));

export const ZLetterheadInput = z
  .object({
    /** One line per row of the office's name: "PEMERINTAH KABUPATEN BADUNG\nDINAS PENDIDIKAN". */
    office: zText(
      { id: 'Nama instansi', en: "The office's name" },
      { max: 300, required: true, multiline: true },
    ).refine(
      (s) => s.split('\n').length <= 4,
      bi('Nama instansi paling banyak 4 baris', "The office's name has at most 4 lines"),
    ),
    address: zText({ id: 'Alamat', en: 'The address' }, { max: 300, required: true }),
    phone: optionalLine({ id: 'Telepon', en: 'The phone' }, 50),
    email: ZEmail.nullable(),
    website: optionalLine({ id: 'Situs web', en: 'The website' }, 200),
    /** The town the reports are signed in: "Bogor", as in "Bogor, 3 Januari 2024". */
    place: zText(
      { id: 'Tempat penandatanganan', en: 'The place of signing' },
      {
        max: 100,
        required: true,
      },
    ),
  })
  .strict();
export type TLetterheadInput = z.input<typeof ZLetterheadInput>;
export type TLetterhead = z.output<typeof ZLetterheadInput>;

export const ZLetterheadLogoInput = z
  .object({
    fileName: zText({ id: 'Nama berkas', en: 'The file name' }, { max: 255, required: true }),
    /** The image's bytes, base64. */
    contentBase64: z
      .string()
      .min(1, bi('Berkas logo kosong', 'The logo file is empty'))
      .max(
        Math.ceil((LETTERHEAD_LOGO_MAX_BYTES * 4) / 3) + 4,
        bi('Logo paling besar 512 KB', 'The logo may be at most 512 KB'),
      ),
  })
  .strict();
export type TLetterheadLogoInput = z.infer<typeof ZLetterheadLogoInput>;

/** What the logo upload answers when it refuses a file. */
export const LETTERHEAD_MESSAGES = {
  notAnImage: (found: string | null): TBilingual => ({
    id: `Logo harus berupa gambar JPEG, PNG atau WebP${found ? ` (berkas ini ${found})` : ''}.`,
    en: `The logo must be a JPEG, PNG or WebP image${found ? ` (this file is ${found})` : ''}.`,
  }),
  tooLarge: (): TBilingual => ({
    id: 'Logo paling besar 512 KB; perkecil gambarnya lalu unggah lagi.',
    en: 'The logo may be at most 512 KB; make the image smaller and upload it again.',
  }),
};
