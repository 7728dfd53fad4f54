import { Transform, type TransformCallback } from 'node:stream';
import { batchRefusal, bodyLimitOf, IMPORT_BODY_LIMIT } from '@siklus/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './send-error';

/**
 * The guards in front of the tRPC route: JSON only for state-changing calls, a body limit
 * per procedure counted on the bytes actually read, and the per-batch limits.
 *
 * Every decision is made on the route fastify picked and on its decoded `:path` parameter,
 * never on the raw URL: routing decodes `/%74rpc/auth.login` to the tRPC route, so a guard
 * that tested `request.url.startsWith('/trpc')` was walked round by percent-encoding.
 */

export const TRPC_ROUTE = '/trpc/:path';

/** The procedures a request to the tRPC route calls (a batch: several); null elsewhere. */
export function trpcProceduresOf(request: FastifyRequest): string[] | null {
  if (request.routeOptions.url !== TRPC_ROUTE) return null;
  const { path } = request.params as { path?: string };
  return (path ?? '').split(',');
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** "1 MiB", "4 MiB", "512 KB": the limit as a person reads it. */
export function formatLimit(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${Math.round(bytes / 1024)} KB`;
}

export function tooLargeMessages(limit: number) {
  return {
    id: `Permintaan terlalu besar (paling besar ${formatLimit(limit)}).`,
    en: `The request is too large (at most ${formatLimit(limit)}).`,
  };
}

/** The limit a request was held to, for the 413 message. */
const appliedLimit = new WeakMap<FastifyRequest, number>();

export function bodyLimitApplied(request: FastifyRequest, fallback: number): number {
  return appliedLimit.get(request) ?? fallback;
}

class BodyTooLarge extends Error {
  readonly statusCode = 413;
  readonly code = 'FST_ERR_CTP_BODY_TOO_LARGE';
  constructor(readonly limit: number) {
    super(`body over ${limit} bytes`);
  }
}

/**
 * Counts the bytes of a body as they arrive and fails past the limit, whether the client
 * sent a Content-Length or chunks: nothing past the limit is kept.
 */
function countingStream(limit: number, source: NodeJS.ReadableStream): Transform {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) {
        // Stop feeding the parser and let the rest drain unbuffered; the reply closes the
        // connection, so a 300 MB body costs a socket, not memory.
        source.unpipe(counter);
        source.resume();
        callback(new BodyTooLarge(limit));
        return;
      }
      callback(null, chunk);
    },
  });
  return counter;
}

export function registerRequestGuards(app: FastifyInstance, ordinaryLimit: number) {
  // fastify reads a body up to the route's limit; the tRPC route gets the largest one any
  // procedure may have, and the preParsing hook below holds each request to its own.
  app.addHook('onRoute', (routeOptions) => {
    if (routeOptions.url === TRPC_ROUTE) routeOptions.bodyLimit = IMPORT_BODY_LIMIT;
  });

  app.addHook('onRequest', async (request, reply) => {
    const procedures = trpcProceduresOf(request);
    if (!procedures) return;
    const refusal = batchRefusal(procedures);
    if (refusal) {
      request.log.warn({ procedures: procedures.length }, 'refused a batch over its limits');
      return sendError(reply, request, 400, 'BAD_REQUEST', refusal);
    }
    if (!STATE_CHANGING.has(request.method)) return;
    // tRPC's adapter also accepts multipart/form-data, which a foreign page can post
    // without a CORS preflight, and which it reads without a limit; calls here take JSON.
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      return sendError(reply, request, 415, 'BAD_REQUEST', {
        id: 'Permintaan harus berformat JSON (application/json).',
        en: 'Requests must be JSON (application/json).',
      });
    }
  });

  app.addHook('preParsing', async (request, reply, payload) => {
    const procedures = trpcProceduresOf(request);
    if (!procedures) return payload;
    const imports = bodyLimitOf(procedures);
    const limit = imports === IMPORT_BODY_LIMIT ? imports : ordinaryLimit;
    appliedLimit.set(request, limit);
    const length = Number(request.headers['content-length']);
    if (length > limit) {
      closeAfterReply(reply);
      throw new BodyTooLarge(limit);
    }
    const counted = countingStream(limit, payload);
    counted.on('error', () => closeAfterReply(reply));
    payload.pipe(counted);
    return counted;
  });
}

function closeAfterReply(reply: FastifyReply) {
  reply.header('connection', 'close');
}
