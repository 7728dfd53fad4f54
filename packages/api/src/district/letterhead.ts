import type { DB } from '@siklus/db';
import { getLetterhead, type LetterheadRow } from '@siklus/db';
import type { Kysely } from 'kysely';
import type { Context } from '../context';

/** The logo as the apps and the DOCX take it: a PNG, its size in pixels, as a data URL. */
export interface LetterheadLogo {
  dataUrl: string;
  width: number;
  height: number;
}

/** The district's letterhead as every reader gets it (admin form, print view, DOCX). */
export interface LetterheadView extends Omit<LetterheadRow, 'logoSha256'> {
  logo: LetterheadLogo | null;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A stored logo (always a PNG: processLogo re-encodes every upload) with its size from IHDR. */
export function logoOf(bytes: Uint8Array): LetterheadLogo | null {
  if (bytes.byteLength < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    dataUrl: `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`,
    width: view.getUint32(16),
    height: view.getUint32(20),
  };
}

/** The logo's bytes back from a data URL (the DOCX embeds them). */
export function logoBytes(logo: LetterheadLogo): Uint8Array {
  return new Uint8Array(Buffer.from(logo.dataUrl.slice(logo.dataUrl.indexOf(',') + 1), 'base64'));
}

export async function letterheadView(
  ctx: Pick<Context, 'files'> & { db: Kysely<DB> },
  districtId: string,
): Promise<LetterheadView> {
  const { logoSha256, ...text } = await getLetterhead(ctx.db, districtId);
  const bytes = logoSha256 ? await ctx.files.get(logoSha256) : null;
  return { ...text, logo: bytes ? logoOf(bytes) : null };
}
