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

/**
 * JSON nested deeper than this is refused before it is parsed: V8's JSON.parse recurses,
 * so 200,000 brackets (400 KB, well within the body limit) overflow its stack and used to
 * answer "Maximum call stack size exceeded". The deepest real input (a rubric: payload,
 * aspects, indicators, scale, levels, inside a batch) is about 10 levels.
 */
export const MAX_JSON_DEPTH = 64;

export const TOO_DEEP_MESSAGES = {
  id: `Isi permintaan bersarang terlalu dalam (paling dalam ${MAX_JSON_DEPTH} tingkat).`,
  en: `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
};

export class JsonTooDeep extends Error {
  readonly statusCode = 400;
  readonly code = 'SIKLUS_JSON_TOO_DEEP';
  constructor() {
    super(TOO_DEEP_MESSAGES.en);
  }
}

/**
 * Tracks the bracket depth of JSON text as it streams in, outside strings. Works on bytes:
 * in UTF-8 the bytes of '"', '\\', brackets and braces never occur inside a multi-byte
 * character.
 */
export class JsonDepthMeter {
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** False once the text went deeper than `max`. */
  feed(chunk: Uint8Array | string, max = MAX_JSON_DEPTH): boolean {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (const b of bytes) {
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === 0x5c) this.escaped = true;
        else if (b === 0x22) this.inString = false;
      } else if (b === 0x22) this.inString = true;
      else if (b === 0x5b || b === 0x7b) {
        if (++this.depth > max) return false;
      } else if (b === 0x5d || b === 0x7d) this.depth--;
    }
    return true;
  }
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
  const meter = new JsonDepthMeter();
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      const refusal =
        seen > limit ? new BodyTooLarge(limit) : meter.feed(chunk) ? null : new JsonTooDeep();
      if (refusal) {
        // Stop feeding the parser and let the rest drain unbuffered; the reply closes the
        // connection, so a 300 MB body costs a socket, not memory.
        source.unpipe(counter);
        source.resume();
        callback(refusal);
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
      // A refused request's body is never read: close the connection after the answer.
      closeAfterReply(reply);
      request.log.warn({ procedures: procedures.length }, 'refused a batch over its limits');
      return sendError(reply, request, 400, 'BAD_REQUEST', refusal);
    }
    // A query's input travels in the URL (bounded by the header limit, not by depth).
    const { input } = request.query as { input?: unknown };
    if (typeof input === 'string' && !new JsonDepthMeter().feed(input)) {
      return sendError(reply, request, 400, 'BAD_REQUEST', TOO_DEEP_MESSAGES);
    }
    if (!STATE_CHANGING.has(request.method)) return;
    // tRPC's adapter also accepts multipart/form-data, which a foreign page can post
    // without a CORS preflight, and which it reads without a limit; calls here take JSON.
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      closeAfterReply(reply);
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
