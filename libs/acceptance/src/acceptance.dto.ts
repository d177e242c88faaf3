import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDateString, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { DECIMAL } from '@app/problems';
import { RECORD_STATUSES, type KpiResult, type RecordStatus } from './contracts/acceptance';

export class MeasurementPointDto {
  @ApiProperty({ example: 'K1' }) @IsString() @Length(1, 40) kpi: string;
  @ApiProperty({ example: '2026-12-01T08:00:00Z' }) @IsDateString({ strict: true }) observedAt: string;
  @ApiProperty({ example: '42.5', description: 'Decimal as a string (up to 6 decimals)' })
  @Matches(DECIMAL, { message: 'value must be a decimal string such as "42" or "42.5"' })
  value: string;
}

export class UploadMeasurementsDto {
  @ApiProperty({ type: MeasurementPointDto, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => MeasurementPointDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  measurements: MeasurementPointDto[];
}

export class UploadResultView {
  @ApiProperty() batchId: string;
  @ApiProperty() sha256: string;
  @ApiProperty() rows: number;
}

export class KpiResultView {
  @ApiProperty() key: string;
  @ApiProperty() nameVi: string;
  @ApiProperty() unit: string;
  @ApiProperty() aggregation: string;
  @ApiProperty() points: number;
  @ApiProperty() measured: string;
  @ApiPropertyOptional({ nullable: true, type: String }) baseline: string | null;
  @ApiProperty() target: string;
  @ApiProperty() weightBp: number;
  @ApiProperty() attainment: string;
  @ApiProperty() payFraction: string;
  @ApiProperty() reasonVi: string;
  @ApiProperty() reasonEn: string;
}

export class RecordView {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() roundNo: number;
  @ApiProperty({ enum: RECORD_STATUSES }) status: RecordStatus;
  @ApiProperty({ type: KpiResultView, isArray: true }) results: KpiResult[];
  @ApiProperty() earnedCumulative: string;
  @ApiProperty({ type: String, isArray: true }) batchHashes: string[];
  @ApiProperty() recordHash: string;
  @ApiProperty({ format: 'date-time' }) evaluatedAt: Date;
}

export class SettlementView {
  @ApiProperty() orderId: string;
  @ApiProperty() roundNo: number;
  @ApiProperty() amount: string;
  @ApiProperty() paidCumulative: string;
  @ApiProperty({ format: 'date-time' }) settledAt: Date;
}
