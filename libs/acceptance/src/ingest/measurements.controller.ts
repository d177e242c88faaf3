import { Body, Controller, Headers, Param, ParseIntPipe, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { DomainError } from '@app/kernel';
import { UploadMeasurementsDto, UploadQueryDto, UploadResultView } from '../acceptance.dto';
import { AcceptanceErrors } from '../contracts/acceptance';
import { MeasurementIngest, type UploadFormat, type UploadRequest } from './measurement-ingest';

export const CSV_TYPES = ['text/csv', 'application/csv'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Content types whose body reaches the upload as a stream (registered in the API's main.ts). */
export const MEASUREMENT_FILE_TYPES = [...CSV_TYPES, XLSX_TYPE];

const MAX_JSON_POINTS = 10_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function formatOf(contentType: string | undefined): UploadFormat {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (CSV_TYPES.includes(type)) return 'csv';
  if (type === XLSX_TYPE) return 'xlsx';
  if (type === 'application/json') return 'json';
  throw AcceptanceErrors.UNSUPPORTED_FORMAT(undefined, {
    contentType: type,
    accepted: [...MEASUREMENT_FILE_TYPES, 'application/json'],
  });
}

function jsonBody(body: unknown): { measurements: unknown[] } {
  const ok =
    typeof body === 'object' &&
    body !== null &&
    Object.keys(body).every((k) => k === 'measurements') &&
    Array.isArray((body as { measurements?: unknown }).measurements) &&
    (body as { measurements: unknown[] }).measurements.length >= 1 &&
    (body as { measurements: unknown[] }).measurements.length <= MAX_JSON_POINTS;
  if (!ok)
    throw new DomainError(
      'VALIDATION.FAILED',
      'INVALID',
      `Dữ liệu không hợp lệ: measurements (1–${MAX_JSON_POINTS} điểm). / Invalid input: measurements (1–${MAX_JSON_POINTS} points).`,
      [{ field: 'measurements', problems: [`an array of 1 to ${MAX_JSON_POINTS} points, and no other field`] }],
    );
  return body as { measurements: unknown[] };
}

@ApiTags('acceptance')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('orders/:orderId')
export class MeasurementsController {
  constructor(private readonly ingest: MeasurementIngest) {}

  @Post('rounds/:roundNo/measurements')
  @Roles('ACCEPTANCE_OFFICER')
  @ApiOperation({
    summary:
      'Tải số liệu đo (hậu kiểm) / Upload a round’s measurements (acceptance officers or the agency’s system; never the vendor)',
    description:
      'CSV (UTF-8 with or without BOM, "," or ";"; header kpi, observedAt, value[, unit]), XLSX (first or named ' +
      'worksheet; formula cells are refused) or JSON. A file with an invalid row is refused whole (422, first 100 ' +
      'problems) unless keepValid=true. Idempotency-Key: the same key and content return the first result; the ' +
      'same key with other content is 409.',
  })
  @ApiConsumes('application/json', ...MEASUREMENT_FILE_TYPES)
  @ApiBody({ type: UploadMeasurementsDto, description: 'JSON; or the CSV / XLSX file itself as the body' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: UploadResultView })
  async upload(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Param('roundNo', ParseIntPipe) roundNo: number,
    @Query() query: UploadQueryDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: FastifyRequest,
    @Body() body: unknown,
  ): Promise<UploadResultView> {
    const format = formatOf(req.headers['content-type']);
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new DomainError(
        'VALIDATION.FAILED',
        'INVALID',
        'Idempotency-Key không hợp lệ (1–200 ký tự ASCII). / Invalid Idempotency-Key (1–200 ASCII characters).',
        [{ field: 'Idempotency-Key', problems: ['1 to 200 printable ASCII characters'] }],
      );
    const request: UploadRequest = {
      format,
      body: format === 'json' ? jsonBody(body) : (body as Readable),
      idempotencyKey,
      options: {
        kpi: query.kpi,
        delimiter: query.delimiter === 'semicolon' || query.delimiter === ';' ? ';' : query.delimiter ? ',' : undefined,
        decimalComma: query.decimalComma ?? false,
        sheet: query.sheet,
        keepValid: query.keepValid ?? false,
      },
    };
    if (format !== 'json' && !(request.body instanceof Readable)) throw AcceptanceErrors.FILE_EMPTY();
    return this.ingest.upload(p, orderId, roundNo, request);
  }
}
