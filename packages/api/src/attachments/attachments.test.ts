import { keyOf } from '@siklus/db';
import { createTestDb, type TestDb } from '@siklus/db/testing';
import { isAppError, MIB } from '@siklus/domain';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeStudyWithCycle } from '../cycles/pts-fixtures';
import { testFileStore } from '../testing/callers';
import { makeWorld, type World } from '../testing/world';
import {
  docm,
  docx,
  docxWithVba,
  executable,
  minimalPdf,
  photoWithGps,
  plainZip,
  smallPng,
} from './fixtures';

let testDb: TestDb;
let w: World;

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
}, 60_000);

afterAll(async () => {
  await testDb?.destroy();
});

const fresh = (status: 'draft' | 'submitted' | 'returned' | 'approved' = 'draft') =>
  makeStudyWithCycle(w.db, {
    districtId: w.districtA.id,
    schoolId: w.schoolA1.id,
    teachers: 1,
    status,
  });

/** The AppError a call failed with: its code, field and both messages. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    const cause = error instanceof Error && isAppError(error.cause) ? error.cause : error;
    if (isAppError(cause)) return { code: cause.code, field: cause.field, ...cause.messages };
    throw error;
  }
  throw new Error('expected a refusal');
}

const upload = (
  cycleId: string,
  bytes: Uint8Array,
  fileName = 'foto.jpg',
  target: { stage: 'planning' } | { teacherId: string } = { stage: 'planning' },
) =>
  w
    .as('principalOwn')
    .attachments.upload({ cycleId, target, fileName, bytes: new Uint8Array(bytes) });

const download = (actor: Parameters<World['as']>[0], attachmentId: string, thumbnail = false) =>
  w.as(actor).attachments.download({ attachmentId, variant: thumbnail ? 'thumbnail' : 'original' });

describe('content decides the type, not the name', () => {
  test('a renamed executable and a renamed zip are refused, naming what is accepted', async () => {
    const { cycle } = await fresh();
    const exe = await refusal(upload(cycle.id, executable(), 'foto-kelas.jpg'));
    expect(exe).toMatchObject({ code: 'BAD_REQUEST', field: 'file' });
    expect(exe.id).toContain('isinya EXE');
    expect(exe.en).toContain('JPEG, PNG or WebP photo, a PDF, or a Word document (.docx)');
    const zip = await refusal(upload(cycle.id, await plainZip(), 'RPP.docx'));
    expect(zip).toMatchObject({ code: 'BAD_REQUEST', field: 'file' });
    expect(zip.en).toContain('its content is ZIP');
    expect(
      (await w.as('principalOwn').attachments.list({ cycleId: cycle.id })).attachments,
    ).toEqual([]);
  });

  test('Word with macros is refused; a plain .docx and a PDF are kept as sent', async () => {
    const { cycle } = await fresh();
    expect((await refusal(upload(cycle.id, await docm(), 'rpp.docx'))).en).toContain('macros');
    expect((await refusal(upload(cycle.id, await docxWithVba(), 'rpp.docx'))).en).toContain(
      'macros',
    );
    const word = await docx();
    const doc = await upload(cycle.id, word, 'RPP Siklus I.docx');
    expect(doc).toMatchObject({ kind: 'docx', fileName: 'RPP Siklus I.docx', hasThumbnail: false });
    const pdf = await upload(cycle.id, minimalPdf(), 'lembar bertanda tangan.jpg');
    // A PDF sent under an image's name is kept under a PDF's name.
    expect(pdf).toMatchObject({ kind: 'pdf', fileName: 'lembar bertanda tangan.pdf' });
    const got = await download('principalOwn', doc.id);
    expect(got.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(Buffer.from(got.contentBase64, 'base64')).toEqual(word);
  });

  test('empty files are refused', async () => {
    const { cycle } = await fresh();
    expect((await refusal(upload(cycle.id, new Uint8Array()))).en).toBe('The file is empty.');
  });
});

describe('photos', () => {
  test('EXIF with the GPS position is gone, the long side is 2,000 px, a WebP thumbnail', async () => {
    const { cycle, teachers } = await fresh();
    const original = await photoWithGps();
    expect(await exifr.gps(original)).toMatchObject({ latitude: -6.59 });

    const row = await upload(cycle.id, original, 'IMG_2041.JPG', { teacherId: teachers[0]!.id });
    expect(row).toMatchObject({
      kind: 'image',
      contentType: 'image/jpeg',
      fileName: 'IMG_2041.jpg',
      width: 2000,
      height: 1000,
      teacherId: teachers[0]!.id,
      teacherName: teachers[0]!.name,
      stage: null,
      hasThumbnail: true,
    });

    const stored = Buffer.from((await download('principalOwn', row.id)).contentBase64, 'base64');
    expect(await exifr.gps(stored)).toBeUndefined();
    expect(await exifr.parse(stored)).toBeUndefined();
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 2000, height: 1000 });
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Siklus Test Camera'))).toBe(false);

    const thumb = await download('principalOwn', row.id, true);
    expect(thumb.contentType).toBe('image/webp');
    expect(thumb.fileName).toBe('IMG_2041.webp');
    const thumbMeta = await sharp(Buffer.from(thumb.contentBase64, 'base64')).metadata();
    expect(thumbMeta).toMatchObject({ format: 'webp', width: 320, height: 160 });
    expect(thumbMeta.exif).toBeUndefined();
  });

  test('small images are not enlarged; the same photo twice is stored once', async () => {
    const { cycle } = await fresh();
    const png = await smallPng();
    const a = await upload(cycle.id, png, 'a.png');
    const b = await upload(cycle.id, png, 'b.png');
    expect(a).toMatchObject({ width: 40, height: 30, contentType: 'image/png' });
    const [ra, rb] = await w.db
      .selectFrom('attachments')
      .select('sha256')
      .where('id', 'in', [a.id, b.id])
      .execute();
    expect(ra!.sha256).toBe(rb!.sha256);
    expect(await testFileStore().has(ra!.sha256)).toBe(true);
    const stored = await testFileStore().get(ra!.sha256);
    expect(keyOf(stored!)).toBe(ra!.sha256);
  });
});

describe('size limits', () => {
  test('a file over 10 MB is refused with the limit named', async () => {
    const { cycle } = await fresh();
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(10 * MIB)]);
    const r = await refusal(upload(cycle.id, big, 'besar.pdf'));
    expect(r).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      field: 'file',
      id: 'Berkas terlalu besar: paling besar 10 MB per berkas.',
      en: 'The file is too large: at most 10 MB a file.',
    });
  });

  test('a study holds at most 200 MB; the refusal says how much is used', async () => {
    const { cycle } = await fresh();
    // 190 MB already attached (rows as an earlier upload would have left them).
    const filler = await upload(cycle.id, minimalPdf(), 'isi.pdf');
    await w.db
      .updateTable('attachments')
      .set({ size_bytes: 199 * MIB })
      .where('id', '=', filler.id)
      .execute();
    const pdf = Buffer.concat([minimalPdf(), Buffer.alloc(2 * MIB, 0x20)]);
    const r = await refusal(upload(cycle.id, pdf, 'rpp.pdf'));
    expect(r.code).toBe('PAYLOAD_TOO_LARGE');
    expect(r.id).toContain('melebihi batas 200 MB (terpakai 199 MB, berkas ini 2 MB)');
    expect(r.en).toContain('exceed the 200 MB limit (199 MB used, this file 2 MB)');
    // Under the limit still fits.
    await upload(cycle.id, minimalPdf(), 'kecil.pdf');
    const list = await w.as('principalOwn').attachments.list({ cycleId: cycle.id });
    expect(list.usage.studyLimitBytes).toBe(200 * MIB);
    expect(list.usage.studyBytes).toBe(199 * MIB + minimalPdf().byteLength);
  });
});

describe('scope', () => {
  test('downloads: own school and own district only', async () => {
    const { cycle } = await fresh();
    const row = await upload(cycle.id, await smallPng(), 'foto.png');
    for (const actor of ['principalOwn', 'supervisor', 'admin'] as const) {
      expect((await download(actor, row.id)).fileName).toBe('foto.png');
    }
    expect((await refusal(download('principalOther', row.id))).code).toBe('FORBIDDEN');
    expect((await refusal(download('supervisorOther', row.id))).code).toBe('NOT_FOUND');
    expect((await refusal(download('adminOther', row.id))).code).toBe('NOT_FOUND');
    expect((await refusal(download('anon', row.id))).code).toBe('UNAUTHORIZED');
    // The refusal is audited like every other.
    const refused = await w.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'access.refused')
      .where('entity', '=', 'attachmentId')
      .execute();
    expect(refused.map((r) => r.entity_id)).toContain(row.id);
  });

  test('uploads: the school principal only; a teacher of another school is refused', async () => {
    const { cycle } = await fresh();
    const bytes = new Uint8Array(await smallPng());
    const input = {
      cycleId: cycle.id,
      target: { stage: 'action' as const },
      fileName: 'a.png',
      bytes,
    };
    expect((await refusal(w.as('principalOther').attachments.upload(input))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(w.as('supervisor').attachments.upload(input))).code).toBe('FORBIDDEN');
    const other = await makeStudyWithCycle(w.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA2.id,
      teachers: 1,
    });
    const r = await refusal(
      w.as('principalOwn').attachments.upload({
        ...input,
        target: { teacherId: other.teachers[0]!.id },
      }),
    );
    expect(r).toMatchObject({ code: 'FORBIDDEN', field: 'teacherId' });
  });

  test('supervisors see the list read-only', async () => {
    const { cycle } = await fresh();
    await upload(cycle.id, await smallPng(), 'a.png');
    const asSupervisor = await w.as('supervisor').attachments.list({ cycleId: cycle.id });
    expect(asSupervisor.editable).toBe(false);
    expect(asSupervisor.locked).toBe(false);
    expect(asSupervisor.attachments).toHaveLength(1);
    expect((await w.as('principalOwn').attachments.list({ cycleId: cycle.id })).editable).toBe(
      true,
    );
  });
});

describe('drafts only', () => {
  test('a draft attachment is deleted, audited with its file name', async () => {
    const { cycle } = await fresh();
    const row = await upload(cycle.id, minimalPdf(), 'RPP lama.pdf');
    expect(
      (await refusal(w.as('supervisor').attachments.delete({ attachmentId: row.id }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await refusal(w.as('principalOther').attachments.delete({ attachmentId: row.id }))).code,
    ).toBe('FORBIDDEN');
    expect(await w.as('principalOwn').attachments.delete({ attachmentId: row.id })).toEqual({
      deleted: row.id,
      fileName: 'RPP lama.pdf',
    });
    const entry = await w.db
      .selectFrom('audit_log')
      .select(['user_id', 'entity_id', 'before'])
      .where('action', '=', 'attachment.delete')
      .where('entity_id', '=', cycle.id)
      .executeTakeFirstOrThrow();
    expect(entry.user_id).toBe(w.users.principalOwn.id);
    expect(entry.before).toMatchObject({ attachmentId: row.id, fileName: 'RPP lama.pdf' });
    expect(
      (await w.as('principalOwn').attachments.list({ cycleId: cycle.id })).attachments,
    ).toEqual([]);
  });

  test.each(['submitted', 'approved'] as const)(
    'a %s cycle is locked: no upload, no delete',
    async (status) => {
      const { cycle } = await fresh();
      const row = await upload(cycle.id, minimalPdf(), 'RPP.pdf');
      const now = new Date();
      await w.db
        .updateTable('cycles')
        .set({
          status,
          submitted_at: now,
          ...(status === 'approved' ? { approved_at: now, reviewed_at: now } : {}),
        })
        .where('id', '=', cycle.id)
        .execute();
      const del = await refusal(w.as('principalOwn').attachments.delete({ attachmentId: row.id }));
      expect(del.code).toBe('CONFLICT');
      expect(del.id).toContain('draf atau dikembalikan');
      expect((await refusal(upload(cycle.id, minimalPdf()))).code).toBe('CONFLICT');
      const list = await w.as('principalOwn').attachments.list({ cycleId: cycle.id });
      expect(list.editable).toBe(false);
      expect(list.locked).toBe(true);
      expect(list.attachments).toHaveLength(1);
    },
  );

  test('a returned cycle opens again', async () => {
    const { cycle } = await fresh('returned');
    const row = await upload(cycle.id, minimalPdf(), 'RPP revisi.pdf');
    await w.as('principalOwn').attachments.delete({ attachmentId: row.id });
  });
});
