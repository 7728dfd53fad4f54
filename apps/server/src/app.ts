import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import {
  type AppRouter,
  appRouter,
  authConfig,
  BODY_LIMIT,
  MAX_BATCH_SIZE,
  makeCreateContext,
  pingDatabase,
  toAppError,
} from '@siklus/api';
import { createFileStore, type Database, type FileStore, fileStoreConfig } from '@siklus/db';
import {
  type AppErrorCode,
  errorEnvelope,
  GENERIC_ERROR_MESSAGES,
  HTTP_STATUS_OF,
} from '@siklus/domain';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { registerDownloads } from './downloads';
import type { Env } from './env';
import {
  bodyLimitApplied,
  JsonTooDeep,
  registerRequestGuards,
  TOO_DEEP_MESSAGES,
  tooLargeMessages,
  trpcProceduresOf,
} from './request-guards';
import { sendError } from './send-error';
import { registerUploads } from './uploads';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export { BODY_LIMIT };

export interface BuildServerOptions {
  env: Env;
  database: Database;
  /**
   * Where the built web apps are. Default: served only in production and only when the
   * directories exist. `false` never serves them.
   */
  apps?: { supervision: string; admin: string } | false;
  /** Replace the logger (tests pass false). */
  logger?: boolean;
  bodyLimit?: number;
  now?: () => Date;
  /** Evidence files' store; default: the one the environment names (decision 020). */
  files?: FileStore;
}

function rawClientError(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, messages]: [number, AppErrorCode, { id: string; en: string }] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'BAD_REQUEST',
          {
            id: 'Kepala permintaan terlalu besar (alamat atau cookie terlalu panjang).',
            en: 'The request headers are too large (an address or cookie too long).',
          },
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'BAD_REQUEST', { id: 'Permintaan terlalu lama.', en: 'The request took too long.' }]
        : [400, 'BAD_REQUEST', GENERIC_ERROR_MESSAGES.BAD_REQUEST];
  const requestId = randomUUID();
  const body = JSON.stringify(errorEnvelope({ code, messages, requestId, httpStatus: status }));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

function trustProxyOption(v: Env['TRUST_PROXY']) {
  if (typeof v === 'number') return (_addr: string, hop: number) => hop < v;
  return v;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, file:) and garbage are foreign.
    return null;
  }
}

export async function buildServer(opts: BuildServerOptions): Promise<FastifyInstance> {
  const { env, database } = opts;
  const production = env.NODE_ENV === 'production';

  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: env.LOG_LEVEL,
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
            ],
            ...(production || env.NODE_ENV === 'test'
              ? {}
              : { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss' } } }),
          },
    // Our own ids: a client-sent header is never trusted as an id to quote in support.
    genReqId: () => randomUUID(),
    bodyLimit: opts.bodyLimit ?? BODY_LIMIT,
    trustProxy: trustProxyOption(env.TRUST_PROXY),
    return503OnClosing: true,
    // tRPC puts a batch's procedure names in one path segment ("a.b,c.d,..."); fastify's
    // default of 100 characters would refuse ordinary batches with 414. maxBatchSize
    // bounds the batch instead.
    routerOptions: { maxParamLength: 4096 },
    // Refusals fastify makes before routing answer the same JSON error as everything else.
    frameworkErrors: (error, request, reply) => {
      if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
        return sendError(reply, request, 414, 'BAD_REQUEST', {
          id: 'Alamat permintaan terlalu panjang (terlalu banyak prosedur dalam satu kiriman).',
          en: 'The request address is too long (too many procedures in one request).',
        });
      }
      return sendError(reply, request, 400, 'BAD_REQUEST', GENERIC_ERROR_MESSAGES.BAD_REQUEST);
    },
    // Node's HTTP parser refuses oversized headers (an over-long URL included) before there
    // is a request; answer on the socket with the same JSON error, then close it.
    clientErrorHandler: rawClientError,
  });

  await app.register(fastifyCookie);

  const allowedOrigins = new Set(env.ALLOWED_ORIGINS);
  const ordinaryLimit = opts.bodyLimit ?? BODY_LIMIT;

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    if (!STATE_CHANGING.has(request.method)) return;
    // A browser tricked by a foreign page sends that page's Origin; refuse it. Requests
    // without an Origin are not from a browser page (curl, server-to-server).
    // The host is compared, not the scheme: behind a TLS proxy without TRUST_PROXY the
    // server sees http while the browser says https, and a page cannot forge the Host.
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    const foreignOrigin =
      origin !== undefined && hostOf(origin) !== request.host && !allowedOrigins.has(origin);
    const foreignSite = origin === undefined && fetchSite === 'cross-site';
    if (foreignOrigin || foreignSite) {
      request.log.warn({ origin, host: request.host }, 'refused a cross-origin request');
      return sendError(reply, request, 403, 'FORBIDDEN', {
        id: 'Permintaan dari situs lain ditolak.',
        en: 'Requests from another site are refused.',
      });
    }
  });

  // After the origin check: JSON only, body limits per procedure, per-batch limits.
  registerRequestGuards(app, ordinaryLimit);

  // When the database is down, building the context (the session lookup) fails before any
  // context exists, and tRPC's error formatter has no request id to put in the answer.
  // Fill it in, so even that error carries the id the log has.
  app.addHook('onSend', async (request, _reply, payload) => {
    // tRPC's adapter sends a web Response, whose status fastify has not copied yet.
    if (!(payload instanceof Response) || payload.status < 500) return payload;
    if (!trpcProceduresOf(request)) return payload;
    const text = await payload.text();
    return new Response(
      text.replaceAll('"requestId":null', `"requestId":${JSON.stringify(request.id)}`),
      { status: payload.status, headers: payload.headers },
    );
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = bodyLimitApplied(request, request.routeOptions.bodyLimit ?? ordinaryLimit);
      return sendError(reply, request, 413, 'PAYLOAD_TOO_LARGE', tooLargeMessages(limit));
    }
    if (error instanceof JsonTooDeep) {
      return sendError(reply, request, 400, 'BAD_REQUEST', TOO_DEEP_MESSAGES);
    }
    if (error.statusCode === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, request, 415, 'BAD_REQUEST', {
        id: 'Jenis isi permintaan tidak didukung.',
        en: 'Unsupported content type.',
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, request, error.statusCode, 'BAD_REQUEST', {
        id: 'Permintaan tidak valid.',
        en: 'The request is not valid.',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    const appError = toAppError(error);
    return sendError(
      reply,
      request,
      HTTP_STATUS_OF[appError.code],
      appError.code,
      appError.messages,
    );
  });

  const createContext = makeCreateContext({
    db: database.db,
    production,
    now: opts.now,
    files: opts.files ?? createFileStore(fileStoreConfig(env, env.SIKLUS_DATA_DIR)),
    auth: authConfig({
      secure: env.COOKIE_SECURE,
      idleTimeoutMs: env.SESSION_IDLE_HOURS * 3600_000,
      absoluteTimeoutMs: env.SESSION_ABSOLUTE_DAYS * 86_400_000,
    }),
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, res }) => createContext({ req, res }),
      onError({ error, path, req }) {
        const appError = toAppError(error);
        if (appError.code === 'INTERNAL' || appError.code === 'UNAVAILABLE') {
          req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
        } else {
          req.log.info({ path, code: appError.code }, 'procedure refused');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  registerDownloads(app, createContext);
  registerUploads(app, createContext);

  app.get('/health', async (request, reply) => {
    if (await pingDatabase(database)) {
      return { status: 'ok', database: 'up', kind: database.kind };
    }
    request.log.warn('health check: database down');
    return reply.code(503).send({ status: 'unavailable', database: 'down', kind: database.kind });
  });

  const apps =
    opts.apps === undefined
      ? production
        ? {
            supervision: join(REPO_ROOT, 'apps/supervision/dist'),
            admin: join(REPO_ROOT, 'apps/admin/dist'),
          }
        : false
      : opts.apps;
  if (apps) serveApps(app, apps);
  else
    app.setNotFoundHandler((request, reply) =>
      sendError(reply, request, 404, 'NOT_FOUND', { id: 'Tidak ditemukan.', en: 'Not found.' }),
    );

  return app;
}

/** The two built SPAs, each falling back to its index.html for client-side routes. */
function serveApps(app: FastifyInstance, dirs: { supervision: string; admin: string }) {
  const hasSupervision = existsSync(join(dirs.supervision, 'index.html'));
  const hasAdmin = existsSync(join(dirs.admin, 'index.html'));
  if (hasAdmin) {
    app.register(fastifyStatic, {
      root: dirs.admin,
      prefix: '/admin/',
      decorateReply: false,
      wildcard: true,
      index: 'index.html',
    });
  }
  if (hasSupervision) {
    app.register(fastifyStatic, {
      root: dirs.supervision,
      prefix: '/',
      wildcard: true,
      index: 'index.html',
    });
  }
  const spaIndex = async (reply: FastifyReply, dir: string) => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    return reply
      .code(200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(html);
  };
  app.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml =
      request.method === 'GET' &&
      !request.url.startsWith('/trpc') &&
      !/\.[a-z0-9]+($|\?)/i.test(request.url) &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsHtml && hasAdmin && request.url.startsWith('/admin')) {
      return spaIndex(reply, dirs.admin);
    }
    if (wantsHtml && hasSupervision && !request.url.startsWith('/admin')) {
      return spaIndex(reply, dirs.supervision);
    }
    return sendError(reply, request, 404, 'NOT_FOUND', {
      id: 'Tidak ditemukan.',
      en: 'Not found.',
    });
  });
}
