import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { RECORD_STATUSES, type KpiResult, type RecordStatus } from './contracts/acceptance';
import { LOCALES, type Locale } from './ingest/readers';

export class MeasurementPointDto {
  @ApiProperty({ example: 'K1' }) kpi: string;
  @ApiProperty({
    example: '2026-12-01T08:00:00Z',
    description: 'ISO 8601; without an offset the time is read as Vietnam time (UTC+07:00)',
  })
  observedAt: string;
  @ApiProperty({ example: '42.5', description: 'Decimal (up to 15 digits and 6 decimals), as a string or a number' })
  value: string;
  @ApiPropertyOptional({ example: 'km/h', description: 'When given, must be the KPI’s unit' }) unit?: string;
  @ApiPropertyOptional({
    example: 'SK-000123',
    description: 'Event reference: identical readings (KPI, instant, value) count once unless their refs differ',
  })
  ref?: string;
}

export class UploadMeasurementsDto {
  @ApiProperty({
    type: MeasurementPointDto,
    isArray: true,
    minItems: 1,
    description: 'The only field. Read as a stream: any number of points within the upload size limit',
  })
  measurements: MeasurementPointDto[];
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** How to read an uploaded file; all optional. */
export class UploadQueryDto {
  @ApiPropertyOptional({ example: 'K1', description: 'The KPI of every row; the file may then omit its kpi column' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  kpi?: string;

  @ApiPropertyOptional({
    enum: ['comma', 'semicolon'],
    description: 'CSV delimiter; detected from the header if absent',
  })
  @IsOptional()
  @IsIn(['comma', 'semicolon', ',', ';'])
  delimiter?: 'comma' | 'semicolon' | ',' | ';';

  @ApiPropertyOptional({ description: 'Vietnamese decimals: "1.234,5" means 1234.5' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  decimalComma?: boolean;

  @ApiPropertyOptional({
    enum: LOCALES,
    description:
      'vi: a Vietnamese-locale spreadsheet — decimal commas ("72,5") and "dd/mm/yyyy hh:mm:ss" Vietnam times',
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Số liệu', description: 'XLSX worksheet tab to read; the first tab if absent' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  sheet?: string;

  @ApiPropertyOptional({
    description: 'Store the valid rows of a file that has invalid ones; the answer lists the refused rows',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  keepValid?: boolean;
}

export class RowProblemView {
  @ApiProperty({ description: 'CSV line, XLSX row or JSON element (1-based)' }) line: number;
  @ApiPropertyOptional({ nullable: true, type: String }) column: string | null;
  @ApiProperty({ example: 'OUTSIDE_ROUND_WINDOW' }) reason: string;
  @ApiPropertyOptional() value?: string;
  @ApiPropertyOptional({ example: 'locale=vi', description: 'The upload option that reads this cell' })
  option?: string;
}

export class UploadResultView {
  @ApiProperty() batchId: string;
  @ApiProperty({ description: 'SHA-256 of the raw file as received' }) sha256: string;
  @ApiProperty({ enum: ['csv', 'xlsx', 'json'] }) format: string;
  @ApiProperty() bytes: number;
  @ApiProperty({ description: 'Points stored' }) rows: number;
  @ApiProperty({ description: 'Rows refused (only with keepValid)' }) rejectedRows: number;
  @ApiProperty({ type: RowProblemView, isArray: true, description: 'The first 100 problems of the refused rows' })
  problems: RowProblemView[];
  @ApiProperty({ description: 'An earlier upload with the same Idempotency-Key and content' }) replayed: boolean;
}

export class PreviewRowView {
  @ApiProperty({ description: 'CSV line, XLSX row or JSON element (1-based)' }) line: number;
  @ApiProperty({ example: 'K1' }) kpi: string;
  @ApiProperty({ format: 'date-time', description: 'The instant as stored (UTC)' }) observedAt: string;
  @ApiProperty({ example: '72.5', description: 'The value as stored (exact decimal)' }) value: string;
  @ApiProperty({ description: 'Event reference; empty when the file has none' }) ref: string;
}

export class PreviewResultView {
  @ApiProperty({ description: 'SHA-256 of the file as received' }) sha256: string;
  @ApiProperty({ enum: ['csv', 'xlsx', 'json'] }) format: string;
  @ApiProperty() bytes: number;
  @ApiProperty({ description: 'Valid rows: what the upload stores when it is accepted' }) rows: number;
  @ApiProperty({ description: 'Rows the upload would refuse' }) rejectedRows: number;
  @ApiProperty({ type: RowProblemView, isArray: true, description: 'The first 100 problems of the refused rows' })
  problems: RowProblemView[];
  @ApiProperty({
    description: 'The upload with the same options would store the valid rows (no refused row, or keepValid)',
  })
  accepted: boolean;
  @ApiProperty({ type: PreviewRowView, isArray: true, description: 'The first 20 valid rows, as they would be stored' })
  sample: PreviewRowView[];
}

export class KpiResultView {
  @ApiProperty() key: string;
  @ApiProperty() nameVi: string;
  @ApiProperty() unit: string;
  @ApiProperty() aggregation: string;
  @ApiProperty() points: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Points the frequency and round window call for' })
  expectedPoints: number | null;
  @ApiProperty({ description: 'Points needed before the KPI can be evaluated' }) requiredPoints: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'points / expected points' }) coverage:
    string | null;
  @ApiProperty({ example: '2/3', description: 'Exact: a decimal, or "p/q" when no decimal writes the aggregate' })
  measured: string;
  @ApiProperty({ example: '≈ 0.666667', description: 'How the measured value reads (rounded only for display)' })
  measuredDisplay: string;
  @ApiPropertyOptional({ nullable: true, type: String }) baseline: string | null;
  @ApiProperty() target: string;
  @ApiProperty() weightBp: number;
  @ApiProperty() attainment: string;
  @ApiProperty() payFraction: string;
  @ApiProperty({ description: 'What this KPI earns in the round, đồng' }) amount: string;
  @ApiProperty() reasonVi: string;
  @ApiProperty() reasonEn: string;
}

export class RecordView {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() roundNo: number;
  @ApiProperty({ description: '1, then one more per correction; only the newest is not SUPERSEDED' }) version: number;
  @ApiProperty({ enum: RECORD_STATUSES }) status: RecordStatus;
  @ApiProperty({ type: KpiResultView, isArray: true }) results: KpiResult[];
  @ApiProperty() earnedCumulative: string;
  @ApiProperty({ type: String, isArray: true }) batchHashes: string[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Round 0 only: what was delivered' })
  deliveryNote: string | null;
  @ApiProperty() recordHash: string;
  @ApiProperty({ format: 'date-time' }) evaluatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The hash the officer signed' })
  signedHash: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) signedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) disputeDeadline: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) payableAt: Date | null;
}

export class KpiProgressView {
  @ApiProperty() key: string;
  @ApiProperty() nameVi: string;
  @ApiProperty({ description: 'Data points the round has for the KPI' }) points: number;
  @ApiProperty({ description: 'Points needed before the KPI can be evaluated' }) requiredPoints: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Points the frequency and round window call for' })
  expectedPoints: number | null;
  @ApiProperty() sufficient: boolean;
}

export class RoundProgressView {
  @ApiProperty() roundNo: number;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() shareBp: number;
  @ApiPropertyOptional({ nullable: true, enum: RECORD_STATUSES, description: 'The round’s record in force, if any' })
  recordStatus: RecordStatus | null;
  @ApiProperty({ description: 'Every KPI has the points it needs' }) sufficient: boolean;
  @ApiProperty({ example: 'Chưa đủ dữ liệu (có/cần: K1 1/2)' }) statusVi: string;
  @ApiProperty({ example: 'Not enough data yet (have/need: K1 1/2)' }) statusEn: string;
  @ApiProperty({ type: KpiProgressView, isArray: true }) kpis: KpiProgressView[];
}
