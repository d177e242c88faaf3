import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { frameworkRefusal } from './error.filter';

/**
 * Fastify answers a few requests itself, before routing reaches Nest and its error filter: a malformed URL or an
 * overlong path parameter (router), and a request whose head Node cannot parse (431, 400). These hooks give them
 * the standard error body too.
 */
export const frameworkRefusals = {
  frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
    void reply
      .status(error.statusCode ?? 400)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ ...frameworkRefusal(error.statusCode ?? 400, error.message), requestId: request.id });
  },
  clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const statusCode =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify({ ...frameworkRefusal(statusCode, ''), requestId: randomUUID() });
    if (socket.writable)
      socket.write(
        `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    socket.destroy(error);
  },
};
