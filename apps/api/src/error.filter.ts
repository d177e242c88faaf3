import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorKind } from '@app/kernel';
import { MEASUREMENT_FILE_TYPES } from '@app/acceptance';
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

/** Every content type a body may have; a 415 lists them. */
export const ACCEPTED_MEDIA_TYPES = ['application/json', 'multipart/form-data', ...MEASUREMENT_FILE_TYPES];

/** Refusals Fastify or Nest give before any handler runs, Vietnamese first; the framework's own words follow. */
const FRAMEWORK_REFUSALS: Record<number, { code: string; vi: string; en: string }> = {
  400: { code: 'HTTP.BAD_REQUEST', vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  404: { code: 'HTTP.ROUTE_NOT_FOUND', vi: 'Không có đường dẫn này', en: 'Route not found' },
  405: { code: 'HTTP.METHOD_NOT_ALLOWED', vi: 'Phương thức không được phép', en: 'Method not allowed' },
  408: { code: 'HTTP.REQUEST_TIMEOUT', vi: 'Yêu cầu gửi quá chậm', en: 'Request timeout' },
  411: { code: 'HTTP.LENGTH_REQUIRED', vi: 'Thiếu độ dài nội dung', en: 'Length required' },
  413: { code: 'HTTP.PAYLOAD_TOO_LARGE', vi: 'Nội dung yêu cầu quá lớn', en: 'Payload too large' },
  414: { code: 'HTTP.URI_TOO_LONG', vi: 'Đường dẫn hoặc tham số quá dài', en: 'URI too long' },
  415: {
    code: 'HTTP.UNSUPPORTED_MEDIA_TYPE',
    vi: `Kiểu nội dung không được hỗ trợ; chấp nhận: ${ACCEPTED_MEDIA_TYPES.join(', ')}`,
    en: `Unsupported media type; accepted: ${ACCEPTED_MEDIA_TYPES.join(', ')}`,
  },
  431: { code: 'HTTP.HEADERS_TOO_LARGE', vi: 'Phần đầu yêu cầu quá lớn', en: 'Request header fields too large' },
};

/** The standard body of a refusal the framework makes, whatever its status. */
export function frameworkRefusal(statusCode: number, detail: string): Omit<ErrorBody, 'requestId'> {
  const known = FRAMEWORK_REFUSALS[statusCode] ?? {
    code: `HTTP.${statusCode}`,
    vi: 'Yêu cầu bị từ chối',
    en: 'Request refused',
  };
  return {
    statusCode,
    code: known.code,
    message: `${known.vi}. / ${known.en}${detail ? `: ${detail}` : ''}.`.replace(/\.\.$/, '.'),
    details: statusCode === 415 ? { accepted: ACCEPTED_MEDIA_TYPES } : null,
  };
}

/** node-postgres reports a connection lost mid-query, or none to be had in time, by message only (no code). */
const CONNECTION_LOST =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed)/;

interface Failure {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
}

/**
 * Connection-level failures of PostgreSQL (class 08, shutdown 57P0x) or a socket that went away; a Unix socket
 * whose server is down is a file that is gone (ENOENT at connect).
 */
function isDependencyDown(error: unknown): boolean {
  const failure = error as Failure & { driverError?: Failure };
  const cause = failure.driverError ?? failure;
  const code = cause.code;
  if (typeof code === 'string')
    return (
      code.startsWith('08') ||
      code.startsWith('57P') ||
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) ||
      (code === 'ENOENT' && cause.syscall === 'connect')
    );
  return typeof cause.message === 'string' && CONNECTION_LOST.test(cause.message);
}

/**
 * The last line behind validation: a value PostgreSQL refuses as data (class 22: out of range, not representable)
 * is the input's fault, and a unique key taken meanwhile (23505) is a race another request won.
 */
function databaseRefusal(error: unknown): Omit<ErrorBody, 'requestId'> | undefined {
  const code = (error as { driverError?: { code?: unknown } }).driverError?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('22'))
    return {
      statusCode: 400,
      code: 'VALIDATION.VALUE_NOT_STORABLE',
      message: 'Giá trị nằm ngoài phạm vi lưu trữ. / A value is out of the range that can be stored.',
      details: null,
    };
  if (code === '23505')
    return {
      statusCode: 409,
      code: 'PLATFORM.CONCURRENT_CHANGE',
      message: 'Một yêu cầu khác vừa thay đổi dữ liệu này; hãy tải lại. / Another request just changed this; reload.',
      details: null,
    };
  return undefined;
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

/**
 * The standard body of any error: coded errors keep their code; the unknown become a 500 (logged by the caller).
 * A refusal by the database is worth a line in the request's log.
 */
export function describeError(exception: unknown, request: FastifyRequest): Omit<ErrorBody, 'requestId'> {
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
      typeof response === 'object' && response && 'message' in response ? String(response.message) : exception.message;
    return frameworkRefusal(statusCode, message);
  }
  const fastifyStatus = (exception as { statusCode?: unknown }).statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500)
    return frameworkRefusal(fastifyStatus, (exception as Error).message);
  if (isDependencyDown(exception)) return { ...DEPENDENCY_UNAVAILABLE, details: null };
  const refusal = databaseRefusal(exception);
  if (refusal) {
    request.requestLog.warn({ err: exception }, refusal.code);
    return refusal;
  }
  return {
    statusCode: 500,
    code: 'PLATFORM.INTERNAL',
    message: 'Lỗi hệ thống; đã được ghi nhận. / Internal error; it has been logged.',
    details: null,
  };
}

/** The one place an error becomes HTTP: `{ statusCode, code, message, details, requestId }`, never a stack trace. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = { ...describeError(exception, request), requestId: requestIdOf(request.raw) };
    // A shed request is an expected refusal, counted by the metrics and logged as a request.
    if (body.statusCode >= 500 && body.code !== 'PLATFORM.OVERLOADED')
      request.requestLog.error({ err: exception }, body.message);
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
