import fastifyMultipart from '@fastify/multipart';
import { type Context, createCaller } from '@siklus/api';
import {
  ATTACHMENT_LIMITS,
  ATTACHMENT_MESSAGES,
  fileTooLargeError,
  ZAttachmentStageTarget,
  ZAttachmentTeacherTarget,
} from '@siklus/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendAppError } from './downloads';
import { sendError } from './send-error';

/**
 * Evidence uploads (docs/decisions/020-evidence-files.md): tRPC speaks JSON, so files come
 * as multipart/form-data to one route beside it,
 *
 *   POST /files/cycles/:cycleId?stage=planning        (a stage of the cycle)
 *   POST /files/cycles/:cycleId?teacherId=<uuid>      (a teacher's sheet in the cycle)
 *
 * with one part named `file`. The route reads at most 10 MB of it and hands the bytes to
 * `attachments.upload` through `createCaller`, so roles, scope, type checks and quotas are
 * the API's, never re-checked here. The server's global guards (the origin check, the
 * security headers) run first as for every request; the tRPC route still refuses
 * multipart. Multipart parsing is registered in this route's scope only.
 */

type CreateContext = (opts: { req: FastifyRequest; res: FastifyReply }) => Promise<Context>;

/** Room for the multipart envelope (boundaries, part headers) around a 10 MB file. */
const ENVELOPE_BYTES = 64 * 1024;

export function registerUploads(app: FastifyInstance, createContext: CreateContext) {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: {
        fileSize: ATTACHMENT_LIMITS.fileBytes,
        files: 1,
        fields: 0,
        parts: 1,
        headerPairs: 20,
      },
    });

    scope.post<{
      Params: { cycleId: string };
      Querystring: { stage?: string; teacherId?: string };
    }>('/files/cycles/:cycleId', async (request, reply) => {
      const refuseTooLarge = () => {
        reply.header('connection', 'close');
        return sendAppError(reply, request, fileTooLargeError());
      };
      if (
        Number(request.headers['content-length']) >
        ATTACHMENT_LIMITS.fileBytes + ENVELOPE_BYTES
      ) {
        return refuseTooLarge();
      }
      if (!request.isMultipart()) {
        reply.header('connection', 'close');
        return sendError(reply, request, 415, 'BAD_REQUEST', {
          id: 'Unggah berkas sebagai multipart/form-data dengan bagian bernama "file".',
          en: 'Upload the file as multipart/form-data with a part named "file".',
        });
      }
      try {
        const ctx = await createContext({ req: request, res: reply });
        const { cycleId } = request.params;
        const query = request.query;
        const part = await request.file();
        if (part?.fieldname !== 'file') {
          return sendError(reply, request, 400, 'BAD_REQUEST', ATTACHMENT_MESSAGES.empty(), 'file');
        }
        const bytes = await part.toBuffer();
        // The domain's schema names what is wrong with a bad stage or teacher id.
        const target = query.teacherId
          ? ZAttachmentTeacherTarget.parse({ teacherId: query.teacherId })
          : ZAttachmentStageTarget.parse({ stage: query.stage });
        const row = await createCaller(ctx).attachments.upload({
          cycleId,
          target,
          fileName: part.filename,
          bytes: new Uint8Array(bytes),
        });
        return reply.code(201).send(row);
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') {
          return refuseTooLarge();
        }
        return sendAppError(reply, request, error);
      }
    });
  });
}
