import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { DomainError } from '@app/kernel';
import { PreviewResultView, UploadMeasurementsDto, UploadQueryDto, UploadResultView } from '../acceptance.dto';
import { AcceptanceErrors } from '../contracts/acceptance';
import { MeasurementIngest, type UploadFormat, type UploadRequest } from './measurement-ingest';

/** Windows browsers label a .csv file `application/vnd.ms-excel` (the registry maps .csv to Excel). */
export const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Content types whose body reaches the upload as a stream (registered in the API's main.ts). */
export const MEASUREMENT_FILE_TYPES = [...CSV_TYPES, XLSX_TYPE];

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Fastify route config of the routes that take an application/json body as the raw stream and parse it
 * incrementally themselves (the API's JSON body parser passes it through for them; see apps/api).
 */
export const STREAMED_JSON_BODY = { streamedJsonBody: true } as const;

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

@ApiTags('acceptance')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('orders/:orderId')
export class MeasurementsController {
  constructor(private readonly ingest: MeasurementIngest) {}

  @Post('rounds/:roundNo/measurements')
  @RouteConfig(STREAMED_JSON_BODY)
  @Roles('ACCEPTANCE_OFFICER')
  @ApiOperation({
    summary:
      'Tải số liệu đo (hậu kiểm) / Upload a round’s measurements (acceptance officers or the agency’s system; never the vendor)',
    description:
      'CSV (UTF-8 with or without BOM, "," or ";"; header kpi, observedAt, value[, unit][, ref] or in Vietnamese ' +
      '"Mã KPI", "Thời gian đo", "Giá trị"[, "Mã sự kiện"]), XLSX (first or named worksheet tab; formula cells are ' +
      'refused; numbers are read as shown, a percentage cell only for a % KPI) or JSON { "measurements": [...] } ' +
      '(numbers read from their text), each read as a stream: no row limit, only the upload size limit. ' +
      'locale=vi reads decimal commas and dd/mm/yyyy hh:mm:ss Vietnam times; a cell written that way without it is ' +
      'refused naming the option. A file with an invalid row is refused whole (422, first 100 problems) unless ' +
      'keepValid=true. The same file (SHA-256) as an earlier batch of the order is 409 naming it; a reading ' +
      'identical in KPI, instant and value to one stored for the round is a duplicate unless its ref differs. ' +
      'Idempotency-Key: the same key and the same bytes return the first result; the same key with other content ' +
      'is 409.',
  })
  @ApiConsumes('application/json', ...MEASUREMENT_FILE_TYPES)
  @ApiBody({ type: UploadMeasurementsDto, description: 'JSON; or the CSV / XLSX file itself as the body' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: UploadResultView })
  upload(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Param('roundNo', ParseIntPipe) roundNo: number,
    @Query() query: UploadQueryDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: FastifyRequest,
    @Body() body: unknown,
  ): Promise<UploadResultView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
      throw new DomainError(
        'VALIDATION.FAILED',
        'INVALID',
        'Idempotency-Key không hợp lệ (1–200 ký tự ASCII). / Invalid Idempotency-Key (1–200 ASCII characters).',
        [{ field: 'Idempotency-Key', problems: ['1 to 200 printable ASCII characters'] }],
      );
    return this.ingest.upload(p, orderId, roundNo, { ...uploadRequest(query, req, body), idempotencyKey });
  }

  @Post('rounds/:roundNo/measurements/preview')
  @RouteConfig(STREAMED_JSON_BODY)
  @Roles('ACCEPTANCE_OFFICER')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Xem trước tệp số liệu / What uploading this file with these options would store, and every row it would refuse',
    description:
      'The same body, options, size limit, readers and row rules as POST …/measurements, checked against the data ' +
      'already stored for the round; nothing is kept. 200 with the valid rows counted, the first 20 shown, the ' +
      'refused rows explained (first 100 problems) and whether the upload would be accepted; a file the upload ' +
      'refuses whole (unreadable, no header, no data rows, the same file as an earlier batch) is refused the same way.',
  })
  @ApiConsumes('application/json', ...MEASUREMENT_FILE_TYPES)
  @ApiBody({ type: UploadMeasurementsDto, description: 'JSON; or the CSV / XLSX file itself as the body' })
  @ApiOkResponse({ type: PreviewResultView })
  preview(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Param('roundNo', ParseIntPipe) roundNo: number,
    @Query() query: UploadQueryDto,
    @Req() req: FastifyRequest,
    @Body() body: unknown,
  ): Promise<PreviewResultView> {
    return this.ingest.preview(p, orderId, roundNo, uploadRequest(query, req, body));
  }
}

/** The body as a stream and how to read it, from the request's content type and query. */
function uploadRequest(query: UploadQueryDto, req: FastifyRequest, body: unknown): UploadRequest {
  const format = formatOf(req.headers['content-type']);
  if (!(body instanceof Readable)) throw AcceptanceErrors.FILE_EMPTY();
  return {
    format,
    body,
    options: {
      kpi: query.kpi,
      delimiter: query.delimiter === 'semicolon' || query.delimiter === ';' ? ';' : query.delimiter ? ',' : undefined,
      decimalComma: query.decimalComma ?? query.locale === 'vi',
      sheet: query.sheet,
      ...(query.locale ? { locale: query.locale } : {}),
      keepValid: query.keepValid ?? false,
    },
  };
}
