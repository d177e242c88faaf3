import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorKind } from '@app/kernel';
import { requestIdOf } from '@app/platform';

const STATUS: Record<ErrorKind, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

const HTTP_CODES: Record<number, string> = {
  400: 'HTTP.BAD_REQUEST',
  404: 'HTTP.ROUTE_NOT_FOUND',
  405: 'HTTP.METHOD_NOT_ALLOWED',
  413: 'HTTP.PAYLOAD_TOO_LARGE',
  415: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
};

/** node-postgres reports a connection lost mid-query, or none to be had in time, by message only (no code). */
const CONNECTION_LOST =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

/** Connection-level failures of PostgreSQL (class 08, shutdown 57P0x) or a socket that went away. */
function isDependencyDown(error: unknown): boolean {
  const failure = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } };
  const code = failure.driverError?.code ?? failure.code;
  if (typeof code === 'string')
    return (
      code.startsWith('08') ||
      code.startsWith('57P') ||
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code)
    );
  const message = failure.driverError?.message ?? failure.message;
  return typeof message === 'string' && CONNECTION_LOST.test(message);
}

const DEPENDENCY_UNAVAILABLE = {
  statusCode: HttpStatus.SERVICE_UNAVAILABLE,
  code: 'PLATFORM.DEPENDENCY_UNAVAILABLE',
  message: 'Hệ thống tạm thời không sẵn sàng; hãy thử lại. / A dependency is unavailable; retry shortly.',
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: unknown;
  requestId: string;
}

/** The one place an error becomes HTTP: `{ statusCode, code, message, details, requestId }`, never a stack trace. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = { ...this.describe(exception), requestId: requestIdOf(request.raw) };
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId: body.requestId }, body.message);
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private describe(exception: unknown): Omit<ErrorBody, 'requestId'> {
    if (exception instanceof DomainError) {
      return {
        statusCode: STATUS[exception.kind],
        code: exception.code,
        message: exception.message,
        details: exception.details ?? null,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      // The health check's verdict: which dependency is down goes in the details.
      if (statusCode === 503)
        return {
          ...DEPENDENCY_UNAVAILABLE,
          details: typeof response === 'object' && response && 'error' in response ? response.error : null,
        };
      const message =
        typeof response === 'object' && response && 'message' in response
          ? String(response.message)
          : exception.message;
      return { statusCode, code: HTTP_CODES[statusCode] ?? `HTTP.${statusCode}`, message, details: null };
    }
    const fastifyStatus = (exception as { statusCode?: unknown }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        statusCode: fastifyStatus,
        code: HTTP_CODES[fastifyStatus] ?? `HTTP.${fastifyStatus}`,
        message: (exception as Error).message,
        details: null,
      };
    }
    if (isDependencyDown(exception)) return { ...DEPENDENCY_UNAVAILABLE, details: null };
    return {
      statusCode: 500,
      code: 'PLATFORM.INTERNAL',
      message: 'Lỗi hệ thống; đã được ghi nhận. / Internal error; it has been logged.',
      details: null,
    };
  }
}
