import {
  type AttachmentCycleLock,
  cycleAttachmentState,
  deleteAttachment,
  getAttachmentFile,
  insertAttachment,
  listCycleAttachments,
  lockCycleForAttachments,
} from '@siklus/db';
import {
  AppError,
  ATTACHMENT_LIMITS,
  ATTACHMENT_MESSAGES,
  attachmentFileName,
  isEditable,
  ZAttachmentDeleteInput,
  ZAttachmentDownloadInput,
  ZAttachmentListInput,
  ZAttachmentUploadInput,
} from '@siklus/domain';
import { audit } from '../audit/record';
import { notFound } from '../errors';
import { assertInScope, attachmentScoped, cycleScoped, loadTeacherScope, router } from '../trpc';
import { processUpload } from './process';

/**
 * Evidence files of a cycle (docs/decisions/020-evidence-files.md). The bytes arrive
 * through the server's multipart route (apps/server/src/uploads.ts), which calls
 * `upload` through `createCaller`: roles and scope are checked here, as for every call.
 * Downloads go out through the server's download routes the same way.
 */

function assertOpen(state: Pick<AttachmentCycleLock, 'status'> | undefined) {
  if (!state) throw notFound();
  if (!isEditable(state.status)) {
    throw new AppError('CONFLICT', ATTACHMENT_MESSAGES.locked(), { field: 'cycleId' });
  }
}

function assertRoom(state: Pick<AttachmentCycleLock, 'studyBytes'>, bytes: number) {
  if (state.studyBytes + bytes > ATTACHMENT_LIMITS.studyBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      ATTACHMENT_MESSAGES.studyFull(state.studyBytes, bytes),
      {
        field: 'file',
      },
    );
  }
}

export const attachmentsRouter = router({
  /**
   * `{ cycleId }`: the cycle's attachments (stages' and sheets'), how much of the study's
   * quota they use, whether the cycle is locked, and whether this user may add or delete
   * them now.
   */
  list: cycleScoped.any.input(ZAttachmentListInput).query(async ({ ctx, input }) => {
    const [attachments, state] = await Promise.all([
      listCycleAttachments(ctx.db, input.cycleId),
      cycleAttachmentState(ctx.db, input.cycleId),
    ]);
    if (!state) throw notFound();
    return {
      attachments,
      /** Submitted or approved: nobody adds or deletes until it is returned or reopened. */
      locked: !isEditable(state.status),
      editable: ctx.user.role === 'principal' && isEditable(state.status),
      usage: {
        studyBytes: state.studyBytes,
        studyLimitBytes: ATTACHMENT_LIMITS.studyBytes,
        fileLimitBytes: ATTACHMENT_LIMITS.fileBytes,
      },
    };
  }),

  /**
   * `{ cycleId, target: { stage } | { teacherId }, fileName, bytes }` (principal, own
   * school, cycle in draft or returned). Called by the upload route only: `bytes` cannot
   * travel in JSON. The type is read from the bytes; images are re-encoded without
   * metadata. Refused past 10 MB a file or 200 MB a study.
   */
  upload: cycleScoped.principal.input(ZAttachmentUploadInput).mutation(async ({ ctx, input }) => {
    const { cycleId, target } = input;
    if ('teacherId' in target) {
      await assertInScope(ctx, loadTeacherScope, target.teacherId, 'teacherId');
    }
    // Cheap refusals first, so a locked cycle or a full study costs no image processing.
    const before = await cycleAttachmentState(ctx.db, cycleId);
    assertOpen(before);
    const file = await processUpload(input.bytes);
    assertRoom(before!, file.bytes.byteLength);
    // Bytes before the row: a failed transaction leaves an orphan for the sweep, never a
    // row without bytes.
    const [stored, thumb] = await Promise.all([
      ctx.files.put(file.bytes),
      file.thumbnail ? ctx.files.put(file.thumbnail) : null,
    ]);
    const fileName = attachmentFileName(input.fileName, file.extension);
    return ctx.db.transaction().execute(async (tx) => {
      const state = await lockCycleForAttachments(tx, cycleId);
      assertOpen(state);
      assertRoom(state!, file.bytes.byteLength);
      const row = await insertAttachment(tx, {
        districtId: state!.districtId,
        cycleId,
        stage: 'stage' in target ? target.stage : null,
        teacherId: 'teacherId' in target ? target.teacherId : null,
        fileName,
        kind: file.kind,
        contentType: file.contentType,
        sizeBytes: file.bytes.byteLength,
        sha256: stored.key,
        thumbSha256: thumb?.key ?? null,
        width: file.width,
        height: file.height,
        uploadedBy: ctx.user.id,
      });
      await audit(
        ctx,
        {
          action: 'attachment.upload',
          entity: 'cycle',
          entityId: cycleId,
          schoolId: ctx.scope.schoolId,
          after: {
            attachmentId: row.id,
            fileName,
            ...target,
            kind: file.kind,
            sizeBytes: file.bytes.byteLength,
            sentBytes: input.bytes.byteLength,
          },
        },
        tx,
      );
      return row;
    });
  }),

  /**
   * `{ attachmentId, variant: 'original' | 'thumbnail' }`: the bytes, for the download
   * route (read scope: the school's principal, the district's supervisors and admins).
   */
  download: attachmentScoped.any.input(ZAttachmentDownloadInput).query(async ({ ctx, input }) => {
    const file = await getAttachmentFile(ctx.db, input.attachmentId);
    if (!file) throw notFound();
    const thumbnail = input.variant === 'thumbnail';
    const key = thumbnail ? file.thumbSha256 : file.sha256;
    if (!key)
      throw notFound({
        id: 'Berkas ini tidak bergambar kecil.',
        en: 'This file has no thumbnail.',
      });
    const bytes = await ctx.files.get(key);
    if (!bytes) {
      ctx.log.error({ attachmentId: file.id, key }, 'attachment bytes missing from the file store');
      throw notFound({
        id: 'Isi berkas tidak ditemukan di penyimpanan.',
        en: "The file's content is missing from storage.",
      });
    }
    return {
      fileName: thumbnail ? attachmentFileName(file.fileName, 'webp') : file.fileName,
      contentType: thumbnail ? 'image/webp' : file.contentType,
      contentBase64: Buffer.from(bytes).toString('base64'),
    };
  }),

  /**
   * `{ attachmentId }` (principal, own school, cycle in draft or returned): removes the
   * attachment, audited with its file name. Its bytes go with the next orphan sweep.
   */
  delete: attachmentScoped.principal
    .input(ZAttachmentDeleteInput)
    .mutation(async ({ ctx, input }) => {
      const file = await getAttachmentFile(ctx.db, input.attachmentId);
      if (!file) throw notFound();
      return ctx.db.transaction().execute(async (tx) => {
        assertOpen(await lockCycleForAttachments(tx, file.cycleId));
        const removed = await deleteAttachment(tx, input.attachmentId);
        if (!removed) throw notFound();
        await audit(
          ctx,
          {
            action: 'attachment.delete',
            entity: 'cycle',
            entityId: removed.cycleId,
            schoolId: ctx.scope.schoolId,
            before: {
              attachmentId: input.attachmentId,
              fileName: removed.fileName,
              stage: removed.stage,
              teacherId: removed.teacherId,
              sizeBytes: removed.sizeBytes,
              sha256: removed.sha256,
            },
          },
          tx,
        );
        return { deleted: input.attachmentId, fileName: removed.fileName };
      });
    }),
});
