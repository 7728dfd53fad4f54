import { seed } from '@siklus/db';
import { createTestDb, type TestDb } from '@siklus/db/testing';
import { isAppError } from '@siklus/domain';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { minimalPdf, photoWithGps } from '../attachments/fixtures';
import { callerFor } from '../testing/callers';
import { chapterLetterhead, chapterSignOff } from './chapter';

/**
 * A report to sign (issue 20): the district's letterhead (kop surat) with its logo, the
 * signature block with the supervisor's and the principal's names and NIPs, page numbers,
 * a table of contents and dates written long, read back from the DOCX's XML and from the
 * chapter the printable page renders.
 */

let testDb: TestDb;
const users: Record<string, Parameters<typeof callerFor>[1] & { id: string }> = {};
let studyId: string;

// 00:30 WIB on 3 January 2024 is still 2 January in UTC: the report is dated by the district's day.
const NOW = new Date('2024-01-02T17:30:00Z');
const SUPERVISOR_NIP = '197805122005012003';
const PRINCIPAL_NIP = '196904151993031007';
const LETTERHEAD = {
  office: 'PEMERINTAH KABUPATEN BOGOR\nDINAS PENDIDIKAN',
  address: 'Jl. Tegar Beriman No. 1, Cibinong, Kabupaten Bogor 16914',
  phone: '(021) 8765432',
  email: 'Disdik@BogorKab.go.id',
  website: 'disdik.bogorkab.go.id',
  place: 'Bogor',
};

beforeAll(async () => {
  testDb = await createTestDb();
  await seed(testDb.db);
  for (const u of await testDb.db.selectFrom('users').selectAll().execute()) users[u.username] = u;
  studyId = (
    await testDb.db
      .selectFrom('studies as s')
      .innerJoin('schools as sch', 'sch.id', 's.school_id')
      .select('s.id')
      .where('sch.name', '=', 'SD Negeri Lulut 2')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await testDb?.destroy();
});

const as = (username: string) => callerFor(testDb.db, users[username]!, { now: () => NOW });
const textOf = (xml: string) =>
  xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');

/** The refusal's message in both languages ("id | en"). */
async function messageOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    const cause = (error as Error).cause;
    expect(isAppError(cause), 'an AppError with both languages').toBe(true);
    return isAppError(cause) ? `${cause.messages.id} | ${cause.messages.en}` : '';
  }
  throw new Error('expected a refusal');
}

describe('the letterhead, set by the admin', () => {
  test('is saved, read by every role of the district, and audited', async () => {
    const empty = await as('pengawas').district.letterhead();
    expect(empty).toMatchObject({ office: null, place: null, logo: null });

    const saved = await as('admin').district.setLetterhead(LETTERHEAD);
    expect(saved).toMatchObject({
      office: LETTERHEAD.office,
      email: 'disdik@bogorkab.go.id',
      place: 'Bogor',
    });
    expect(await as('kepsek.lulut2').district.letterhead()).toMatchObject({ place: 'Bogor' });

    const audit = await as('admin').audit.list({ action: 'district.letterhead' });
    expect(audit.items[0]).toMatchObject({ action: 'district.letterhead' });
  });

  test('refuses bad text with messages in Indonesian and English; only an admin may set it', async () => {
    const message = await messageOf(
      as('admin').district.setLetterhead({ ...LETTERHEAD, office: 'a\nb\nc\nd\ne', place: '' }),
    );
    expect(message).toMatch(/Nama instansi paling banyak 4 baris/);
    expect(message).toMatch(/at most 4 lines/);
    await expect(as('pengawas').district.setLetterhead(LETTERHEAD)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  test('the logo is read by its bytes, re-encoded as a PNG of at most 600 px without metadata', async () => {
    const photo = await photoWithGps(1200, 300);
    const view = await as('admin').district.setLogo({
      fileName: 'logo.jpg',
      contentBase64: photo.toString('base64'),
    });
    expect(view.logo).toMatchObject({ width: 600, height: 150 });
    const png = Buffer.from(view.logo!.dataUrl.split(',')[1]!, 'base64');
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 600, height: 150 });
    expect(meta.exif).toBeUndefined();

    const pdf = await messageOf(
      as('admin').district.setLogo({
        fileName: 'logo.png',
        contentBase64: minimalPdf().toString('base64'),
      }),
    );
    expect(pdf).toMatch(/Logo harus berupa gambar JPEG, PNG atau WebP \(berkas ini PDF\)/);
    const big = await messageOf(
      as('admin').district.setLogo({
        fileName: 'logo.png',
        contentBase64: Buffer.alloc(600 * 1024, 1).toString('base64'),
      }),
    );
    expect(big).toMatch(/512 KB/);
    // The refused files left the logo as it was.
    expect((await as('pengawas').district.letterhead()).logo).toMatchObject({ width: 600 });
    const audit = await as('admin').audit.list({ action: 'district.logo' });
    expect(audit.items).toHaveLength(1);
  });
});

describe('NIP on accounts', () => {
  test('the admin sets a supervisor’s, the principal their own; 18 digits or refused', async () => {
    const supervisor = await as('admin').users.update({
      userId: users.pengawas!.id,
      nip: '19780512 200501 2 003',
    });
    expect(supervisor.nip).toBe(SUPERVISOR_NIP);
    const account = await as('kepsek.lulut2').account.get();
    const mine = await as('kepsek.lulut2').account.update({
      fullName: account.fullName,
      email: account.email,
      language: account.language,
      emailNotifications: account.emailNotifications,
      nip: PRINCIPAL_NIP,
    });
    expect(mine.nip).toBe(PRINCIPAL_NIP);
    const bad = await messageOf(
      as('admin').users.update({ userId: users.pengawas!.id, nip: '1978051220' }),
    );
    expect(bad).toMatch(/NIP harus 18 angka/);
    expect(bad).toMatch(/NIP must be 18 digits/);
    // Leaving the NIP out of an account update keeps it.
    const again = await as('kepsek.lulut2').account.update({
      fullName: account.fullName,
      email: account.email,
      language: account.language,
      emailNotifications: account.emailNotifications,
    });
    expect(again.nip).toBe(PRINCIPAL_NIP);
  });
});

describe('the report to sign', () => {
  test('the printable chapter carries the letterhead and the signature block', async () => {
    const chapter = await as('pengawas').io.resultsChapter({ studyId });
    expect(chapter.letterhead).toMatchObject({
      lines: ['PEMERINTAH KABUPATEN BOGOR', 'DINAS PENDIDIKAN'],
      address: LETTERHEAD.address,
      contact: 'Telepon (021) 8765432 · Email disdik@bogorkab.go.id · Laman disdik.bogorkab.go.id',
    });
    expect(chapter.letterhead!.logo!.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(chapter.signOff).toEqual({
      placeAndDate: 'Bogor, 3 Januari 2024',
      supervisor: {
        role: 'Pengawas Sekolah',
        name: 'Hj. Euis Komalasari, M.Pd',
        nip: SUPERVISOR_NIP,
      },
      principal: { role: 'Kepala Sekolah', name: 'Kepala SD Negeri Lulut 2', nip: PRINCIPAL_NIP },
    });
    // Stage dates written long, never ISO.
    const dates = chapter.stages.flatMap((s) => s.stages.map((st) => st.date)).filter(Boolean);
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  test('DOCX: letterhead with logo, TOC, "Halaman X dari Y", signatures with NIPs, long dates', async () => {
    const file = await as('pengawas').io.studyReport({ studyId });
    const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = textOf(xml);

    // The kop surat first, above the chapter's title.
    const head = text.slice(0, text.indexOf('BAB IV HASIL PENELITIAN DAN PEMBAHASAN'));
    for (const l of [
      'PEMERINTAH KABUPATEN BOGOR',
      'DINAS PENDIDIKAN',
      LETTERHEAD.address,
      'Telepon (021) 8765432 · Email disdik@bogorkab.go.id · Laman disdik.bogorkab.go.id',
    ]) {
      expect(head).toContain(l);
    }
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media.some((n) => n.endsWith('.png'))).toBe(true);

    // A table of contents over the headings, which Word refreshes on opening.
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(text).toContain('Daftar Isi');
    const toc = text.slice(text.indexOf('Daftar Isi'), text.indexOf('A. Hasil Penelitian\n'));
    expect(toc).toContain('A. Hasil Penelitian');
    expect(toc).toContain('B. Pembahasan');
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toMatch(/<w:updateFields( w:val="(true|1|on)")?\/>/);

    // Every page's footer: "Halaman {PAGE} dari {NUMPAGES}".
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    expect(footers.length).toBeGreaterThan(0);
    const footer = await zip.file(footers[0]!)!.async('string');
    expect(textOf(footer)).toMatch(/Halaman .*dari/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);

    // The signature block: the supervisor who approved, the principal, their NIPs, dated long.
    const sign = text.slice(text.lastIndexOf('Mengetahui,'));
    for (const s of [
      'Pengawas Sekolah',
      'Hj. Euis Komalasari, M.Pd',
      `NIP. ${SUPERVISOR_NIP}`,
      'Bogor, 3 Januari 2024',
      'Kepala Sekolah',
      'Kepala SD Negeri Lulut 2',
      `NIP. ${PRINCIPAL_NIP}`,
    ]) {
      expect(sign).toContain(s);
    }
    // No date in the document is written the ISO way.
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).toMatch(
      /\(\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}\)/,
    );
  });

  test('without a letterhead or signers the report still prints, with blank lines to sign on', () => {
    expect(chapterLetterhead(null)).toBeNull();
    expect(chapterLetterhead({ ...LETTERHEAD, office: null, logo: null })).toBeNull();
    expect(
      chapterSignOff({ letterhead: null, principal: null, supervisor: null, today: '2024-03-09' }),
    ).toEqual({
      placeAndDate: '9 Maret 2024',
      supervisor: { role: 'Pengawas Sekolah', name: null, nip: null },
      principal: { role: 'Kepala Sekolah', name: null, nip: null },
    });
  });
});
