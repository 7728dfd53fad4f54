import { type AppErrorCode, errorEnvelope } from '@siklus/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The API's error envelope (the domain's error contract), for refusals made before tRPC runs. */
export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: AppErrorCode,
  messages: { id: string; en: string },
  field: string | null = null,
) {
  return reply
    .code(status)
    .type('application/json')
    .send(errorEnvelope({ code, messages, field, requestId: request.id, httpStatus: status }));
}
