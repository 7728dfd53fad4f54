import { type Context, createCaller, toAppError, ZComparisonExportInput } from '@siklus/api';
import { AppError, errorEnvelope, HTTP_STATUS_OF } from '@siklus/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * File downloads as plain GET links (apps/supervision/src/export-urls.ts): the browser
 * sends the session cookie, each route builds the request's tRPC context and calls the io
 * procedure through `createCaller`, so scope and roles are the API's, never re-checked here.
 * The bytes go out with a Content-Disposition filename; errors come back as the same JSON
 * the API answers with (status, code, both languages, request id).
 */

/** A route's `:params` are strings; a query key given twice counts with its first value. */
const ZParams = z.record(z.string(), z.string());
const ZQuery = z.record(
  z.string(),
  z.union([z.string(), z.array(z.string()).transform((values) => values[0])]),
);

type CreateContext = (opts: { req: FastifyRequest; res: FastifyReply }) => Promise<Context>;

interface FileOut {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

/**
 * `inline` only for what the pages show in an <img> (thumbnails); everything else is a
 * download. Uploaded files are served under a sandbox policy, so a PDF or image opened
 * from the address bar can run nothing against this origin.
 */
function sendFile(
  reply: FastifyReply,
  file: FileOut,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .code(200)
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(Buffer.from(file.contentBase64, 'base64'));
}

/** Any error as the API's JSON envelope (status, code, both languages, request id). */
export function sendAppError(reply: FastifyReply, request: FastifyRequest, error: unknown) {
  const appError = toAppError(error);
  const status = HTTP_STATUS_OF[appError.code];
  if (status >= 500) request.log.error({ err: error }, 'download failed');
  const production = process.env.NODE_ENV === 'production';
  return reply
    .code(status)
    .type('application/json')
    .send(
      errorEnvelope({
        code: appError.code,
        messages: appError.messages,
        field: appError.field ?? null,
        requestId: request.id,
        message:
          appError.code === 'INTERNAL' && production ? appError.messages.en : appError.message,
      }),
    );
}

const notFound = {
  id: 'Berkas unduhan tidak dikenal.',
  en: 'Unknown download.',
};

/** "table.xlsx" -> "xlsx" when the stem is `stem`; null otherwise. */
function formatOf<F extends string>(file: string, stem: string, formats: readonly F[]): F | null {
  const match = /^([a-z-]+)\.([a-z]+)$/.exec(file);
  if (!match || match[1] !== stem) return null;
  return formats.find((f) => f === match[2]) ?? null;
}

const FORMATS = ['xlsx', 'csv'] as const;

/** The district comparison's filters from the query string (names of its tRPC input). */
export function comparisonFilters(query: Record<string, string | undefined>) {
  const filters: Record<string, unknown> = {};
  for (const key of ['subdistrict', 'schoolYear', 'status', 'search', 'basis'] as const) {
    if (query[key]) filters[key] = query[key];
  }
  if (query.attention === 'true' || query.attention === '1') filters.attention = true;
  // `sort=latestMean&dir=desc`, `sort=latestMean:desc` or `sortBy`/`sortDir`.
  const sortText = query.sort ?? query.sortBy;
  if (sortText) {
    const [by, dirInline] = sortText.split(':');
    const dir = dirInline ?? query.dir ?? query.sortDir ?? 'asc';
    filters.sort = { by, dir };
  }
  return filters;
}

export function registerDownloads(app: FastifyInstance, createContext: CreateContext) {
  const route = (
    url: string,
    run: (
      caller: ReturnType<typeof createCaller>,
      params: Record<string, string>,
      query: Record<string, string | undefined>,
    ) => Promise<FileOut> | null,
    disposition: 'attachment' | 'inline' = 'attachment',
  ) =>
    app.get(url, async (request, reply) => {
      try {
        const ctx = await createContext({ req: request, res: reply });
        const call = run(
          createCaller(ctx),
          ZParams.parse(request.params),
          ZQuery.parse(request.query),
        );
        if (call === null) {
          return sendAppError(reply, request, new AppError('NOT_FOUND', notFound));
        }
        return sendFile(reply, await call, disposition);
      } catch (error) {
        return sendAppError(reply, request, error);
      }
    });

  route('/export/cycles/:cycleId/:file', (api, p) => {
    const format = formatOf(p.file!, 'table', FORMATS);
    return format && api.io.cycleTable({ cycleId: p.cycleId!, format });
  });
  route('/export/studies/:studyId/:file', (api, p, q) => {
    // `?basis=submitted` adds cycles awaiting review; by default exports hold approved ones.
    const basis = q.basis === 'submitted' ? ('submitted' as const) : ('approved' as const);
    if (p.file === 'report.docx') return api.io.studyReport({ studyId: p.studyId!, basis });
    const format = formatOf(p.file!, 'recap', FORMATS);
    return format && api.io.studyRecap({ studyId: p.studyId!, format, basis });
  });
  route('/export/district/:file', (api, p, q) => {
    const format = formatOf(p.file!, 'comparison', FORMATS);
    return (
      format &&
      api.io.districtComparison(ZComparisonExportInput.parse({ ...comparisonFilters(q), format }))
    );
  });
  route('/export/audit/:file', (api, p, q) => {
    // The admin page's filters, by the names of the list's input.
    if (p.file !== 'audit.csv') return null;
    const filters: Record<string, string> = {};
    for (const key of ['userId', 'schoolId', 'action', 'from', 'to'] as const) {
      const value = q[key];
      if (value) filters[key] = value;
    }
    return api.audit.exportCsv(filters);
  });
  // Evidence files (decision 020): the original as a download, the thumbnail for <img>.
  route('/files/attachments/:attachmentId', (api, p) =>
    api.attachments.download({ attachmentId: p.attachmentId!, variant: 'original' }),
  );
  route(
    '/files/attachments/:attachmentId/thumbnail',
    (api, p) => api.attachments.download({ attachmentId: p.attachmentId!, variant: 'thumbnail' }),
    'inline',
  );
  route('/import/cycles/:cycleId/:file', (api, p, q) => {
    const format = formatOf(p.file!, 'template', FORMATS);
    // `?instrument=1`: the sheet of a further instrument (decision 022); the primary's without.
    const instrument = q.instrument === undefined ? undefined : Number(q.instrument);
    return (
      format &&
      api.io.importTemplate({
        cycleId: p.cycleId!,
        format,
        ...(instrument === undefined ? {} : { instrument }),
      })
    );
  });
}
