import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DECIMAL, IsDongAmount, PageQueryDto } from '@app/platform';
import {
  KPI_DIRECTIONS,
  MEANINGFUL_UNIT,
  MEASUREMENT_FREQUENCIES,
  type KpiDirection,
  type MeasurementFrequency,
} from '@app/kernel';
import {
  COMPARATORS,
  KPI_AGGREGATIONS,
  PROBLEM_SCALES,
  PROBLEM_STATUSES,
  PROPOSAL_FIELDS,
  PROPOSAL_STATUSES,
  type KpiAggregation,
  type KpiComparator,
  type ProblemScale,
  type ProblemStatus,
  type ProposalField,
  type ProposalStatus,
} from './contracts/problems';

export class ProblemKpiDto {
  @ApiProperty({ example: 'K1' }) @IsString() @Matches(/^[A-Za-z0-9._-]{1,40}$/) code: string;
  @ApiProperty() @IsString() @Length(2, 500) nameVi: string;
  @ApiProperty() @IsString() @Length(2, 500) nameEn: string;
  @ApiProperty({ example: '%', description: 'Has a letter or a % sign' })
  @IsString()
  @Length(1, 40)
  @Matches(MEANINGFUL_UNIT, { message: 'unit must name a unit (a letter or a % sign)' })
  unit: string;
  @ApiProperty({ enum: KPI_DIRECTIONS }) @IsIn(KPI_DIRECTIONS) direction: KpiDirection;
  @ApiPropertyOptional({ enum: COMPARATORS }) @IsOptional() @IsIn(COMPARATORS) comparator?: KpiComparator;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() binary?: boolean;
  @ApiPropertyOptional({
    description: 'Exact decimal as a string; omit to measure during a baseline period',
    example: '30',
  })
  @IsOptional()
  @Matches(DECIMAL, { message: 'baseline must be a decimal string such as "30" or "12.5"' })
  baseline?: string;
  @ApiProperty({ example: '45' })
  @Matches(DECIMAL, { message: 'target must be a decimal string such as "45" or "99.5"' })
  target: string;
  @ApiProperty({ enum: MEASUREMENT_FREQUENCIES, example: 'quarterly' })
  @IsIn(MEASUREMENT_FREQUENCIES)
  measurementPeriod: MeasurementFrequency;
  @ApiProperty() @IsString() @Length(2, 300) dataSource: string;
  @ApiPropertyOptional({ enum: KPI_AGGREGATIONS, default: 'mean' })
  @IsOptional()
  @IsIn(KPI_AGGREGATIONS)
  aggregation?: KpiAggregation;
  @ApiPropertyOptional({
    example: 7000,
    minimum: 1,
    maximum: 10000,
    description: 'Weight in the payment, basis points; give it on every KPI (sum 10,000) or on none (equal weights)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  weightBp?: number;
}

export class CreateProblemDto {
  @ApiPropertyOptional({ example: 'BT-14', description: 'Generated when omitted' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,20}$/)
  code?: string;
  @ApiPropertyOptional({ description: 'Required when an operator creates the problem for an agency' })
  @IsOptional()
  @IsUUID()
  agencyOrganisationId?: string;
  @ApiProperty() @IsString() @Length(3, 300) titleVi: string;
  @ApiProperty() @IsString() @Length(3, 300) titleEn: string;
  @ApiProperty({ example: 'giao-thong' }) @IsString() @Length(2, 60) categoryCode: string;
  @ApiProperty({ example: '2000000000', description: 'Budget envelope in đồng (integer string)' })
  @IsDongAmount({ positive: true })
  budgetEnvelope: string;
  @ApiProperty({ example: 7000, description: 'Share payable by results, basis points' })
  @IsInt()
  @Min(0)
  @Max(10000)
  outcomeShareBp: number;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsDateString({ strict: true }) deadline?: string;
  @ApiPropertyOptional({ enum: PROBLEM_SCALES, default: 'SMALL_TRIAL' })
  @IsOptional()
  @IsIn(PROBLEM_SCALES)
  scale?: ProblemScale;
  @ApiPropertyOptional({ example: '5 nút giao trọng điểm quận Đống Đa' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  scope?: string;
  @ApiPropertyOptional({
    description: 'Ward/agency proposals (Mẫu 01) merged into this problem; operators only',
    type: String,
    isArray: true,
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(50)
  proposalIds?: string[];
  @ApiProperty({ type: ProblemKpiDto, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => ProblemKpiDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  kpis: ProblemKpiDto[];
}

export class ProblemKpiView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() nameVi: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: KPI_DIRECTIONS }) direction: KpiDirection;
  @ApiProperty({ enum: COMPARATORS }) comparator: KpiComparator;
  @ApiProperty() binary: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) baseline: string | null;
  @ApiProperty() target: string;
  @ApiProperty() measurementPeriod: string;
  @ApiProperty() dataSource: string;
  @ApiProperty({ enum: KPI_AGGREGATIONS }) aggregation: KpiAggregation;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Basis points; null = all KPIs weigh equally' })
  weightBp: number | null;
}

export class ProblemView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() agencyOrganisationId: string;
  @ApiProperty() titleVi: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() categoryCode: string;
  @ApiProperty({ enum: PROBLEM_STATUSES }) status: ProblemStatus;
  @ApiProperty() budgetEnvelope: string;
  @ApiProperty() outcomeShareBp: number;
  @ApiPropertyOptional({ nullable: true, type: String }) deadline: string | null;
  @ApiProperty({ enum: PROBLEM_SCALES }) scale: ProblemScale;
  @ApiProperty() scope: string;
  @ApiProperty({ type: ProblemKpiView, isArray: true }) kpis: ProblemKpiView[];
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) closedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closeReason: string | null;
}

export class CloseProblemDto {
  @ApiProperty({ example: 'Đã giải quyết bằng nguồn lực nội bộ của Sở.' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}

export class CreateProposalDto {
  @ApiProperty({ enum: PROPOSAL_FIELDS, isArray: true, description: 'One or two management fields' })
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsIn(PROPOSAL_FIELDS, { each: true })
  fields: ProposalField[];
  @ApiProperty({ example: 'Nguyễn Văn An – Phó Chủ tịch UBND phường – 0912 345 678' })
  @IsString()
  @Length(3, 300)
  contact: string;
  @ApiProperty({ description: 'What, when, where, who is affected' }) @IsString() @Length(10, 8000) problem: string;
  @ApiProperty({ description: 'How it is handled today and its limits' })
  @IsString()
  @Length(3, 8000)
  currentHandling: string;
  @ApiProperty({ description: 'Support needed; desired level of tool or model' })
  @IsString()
  @Length(3, 8000)
  managementNeed: string;
  @ApiProperty({ description: 'Can it be piloted locally; scope, target group, duration' })
  @IsString()
  @Length(3, 8000)
  trialScope: string;
  @ApiProperty({ description: 'Existing data to measure: source, update frequency, current key indicators' })
  @IsString()
  @Length(3, 8000)
  availableData: string;
}

export function proposalWordCount(dto: CreateProposalDto): number {
  return [dto.problem, dto.currentHandling, dto.managementNeed, dto.trialScope, dto.availableData]
    .join(' ')
    .split(/\s+/)
    .filter(Boolean).length;
}

export const PROPOSAL_MAX_WORDS = 1000;

export class ProposalView extends CreateProposalDto {
  @ApiProperty() id: string;
  @ApiProperty() agencyOrganisationId: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) mergedIntoProblemId: string | null;
}

export class ProblemListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'giao-thong' })
  @IsOptional()
  @IsString()
  @Length(2, 60)
  categoryCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the problems of this ordering agency' })
  @IsOptional()
  @IsUUID()
  agencyOrganisationId?: string;
}

export class ProblemPageView {
  @ApiProperty({ type: ProblemView, isArray: true }) items: ProblemView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}

export class ProposalPageView {
  @ApiProperty({ type: ProposalView, isArray: true }) items: ProposalView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}
