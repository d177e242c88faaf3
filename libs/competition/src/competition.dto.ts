import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '@app/platform';
import { DECIMAL, IsDongAmount } from '@app/platform';
import {
  AWARD_MODES,
  CALL_STATUSES,
  OFFER_STATUSES,
  type AwardMode,
  type CallStatus,
  type OfferStatus,
} from './contracts/competition';
import { MAX_DELIVERY_SHARE_BP } from './offer-terms';

export class CallWeightsDto {
  @ApiProperty({ example: 0.4 }) @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1) price: number;
  @ApiProperty({ example: 0.4 }) @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1) effect: number;
  @ApiProperty({ example: 0.2 }) @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1) trust: number;
}

export class OpenCallDto {
  @ApiProperty() @IsUUID() problemId: string;
  @ApiProperty({ example: '2026-12-15T10:00:00Z' }) @IsDateString({ strict: true }) deadline: string;
  @ApiPropertyOptional({ type: CallWeightsDto, description: 'Default 0.4 price, 0.4 effect, 0.2 trust; must sum to 1' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CallWeightsDto)
  weights?: CallWeightsDto;
  @ApiPropertyOptional({ enum: AWARD_MODES, default: 'DIRECT' }) @IsOptional() @IsIn(AWARD_MODES) awardMode?: AwardMode;
  @ApiPropertyOptional({ minimum: 2, maximum: 3 }) @IsOptional() @IsInt() @Min(2) @Max(3) pocFinalists?: number;
  @ApiPropertyOptional({ example: '200000000', description: 'Trial budget per finalist, đồng' })
  @IsOptional()
  @IsDongAmount({ positive: true })
  pocTrialBudget?: string;
  @ApiPropertyOptional({ default: false, description: 'Accept committed targets worse than the problem’s' })
  @IsOptional()
  @IsBoolean()
  allowsWorseTargets?: boolean;
}

export class ClarificationQuestionDto {
  @ApiProperty() @IsString() @Length(5, 2000) question: string;
}

export class ClarificationAnswerDto {
  @ApiProperty() @IsString() @Length(2, 4000) answer: string;
}

export class ClarificationView {
  @ApiProperty() id: string;
  @ApiProperty() callId: string;
  @ApiProperty() question: string;
  @ApiPropertyOptional({ nullable: true, type: String }) answer: string | null;
  @ApiProperty({ format: 'date-time' }) askedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) answeredAt: Date | null;
}

export class ScoreView {
  @ApiProperty() offerId: string;
  @ApiProperty() rank: number;
  @ApiProperty() total: number;
  @ApiProperty() priceScore: number;
  @ApiProperty() effectScore: number;
  @ApiProperty() trustScore: number;
  @ApiProperty({ type: Object, description: 'Prices, improvements, trust source and weights used' }) inputs: object;
}

export class SimulationQueryDto {
  @ApiPropertyOptional({ example: '0,0.25,0.5,0.75,1', description: 'Attainment levels between 0 and 1' })
  @IsOptional()
  @Matches(/^(0(\.\d{1,4})?|1(\.0{1,4})?)(,(0(\.\d{1,4})?|1(\.0{1,4})?)){0,20}$/, {
    message: 'levels must be a comma-separated list of numbers between 0 and 1',
  })
  levels?: string;
}

/** The levels asked for, or a quarter-step ladder. */
export function simulationLevels(query: SimulationQueryDto): number[] {
  return (query.levels ?? '0,0.25,0.5,0.75,1').split(',').map(Number);
}

export class PayoutLevelView {
  @ApiProperty() level: number;
  @ApiProperty() delivery: string;
  @ApiProperty({ type: String, isArray: true }) perRound: string[];
  @ApiProperty() total: string;
  @ApiProperty({ type: Object, description: 'KPI code → amount if only that KPI reaches the level' }) perKpi: Record<
    string,
    string
  >;
}

export class KpiCommitmentDto {
  @ApiProperty({ example: 'K1' }) @IsString() @Length(1, 40) kpiCode: string;
  @ApiProperty({ example: '45' }) @Matches(DECIMAL, { message: 'target must be a decimal string' }) target: string;
  @ApiPropertyOptional({ example: '30' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'baseline must be a decimal string' })
  baseline?: string;
}

/** The payment side of an offer (Mẫu 02): what the payout simulator needs before the offer is submitted. */
export class PaymentTermsDto {
  @ApiProperty({ example: '1500000000', description: 'Maximum price, đồng' })
  @IsDongAmount()
  price: string;
  @ApiProperty({ type: KpiCommitmentDto, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => KpiCommitmentDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  kpiCommitments: KpiCommitmentDto[];
  @ApiProperty({ example: 3, description: 'Measurement rounds' })
  @IsInt()
  @Min(1)
  @Max(24)
  rounds: number;
  @ApiPropertyOptional({
    type: Number,
    isArray: true,
    example: [2000, 3000, 5000],
    description:
      'Share of the price each round can earn, basis points: one per round, each at least 1, sum exactly 10,000; equal shares when omitted',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(24)
  @IsInt({ each: true })
  roundSharesBp?: number[];
  @ApiPropertyOptional({
    example: 0,
    maximum: MAX_DELIVERY_SHARE_BP,
    description:
      'Fixed share of the max amount paid on confirmed delivery, basis points; at most 3,000 and at most 10,000 minus the problem’s share payable by results (outcomeShareBp)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DELIVERY_SHARE_BP)
  deliveryShareBp?: number;
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @IsInt() @Min(0) @Max(10000) floorBp?: number;
}

export class SubmitOfferDto extends PaymentTermsDto {
  @ApiProperty() @IsUUID() solutionId: string;
  @ApiProperty({ example: 90 }) @IsInt() @Min(1) @Max(1825) durationDays: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() acceptsPocElimination?: boolean;
}

export class AwardDto {
  @ApiProperty() @IsUUID() offerId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(3, 2000) justification?: string;
}

export class CallView {
  @ApiProperty() id: string;
  @ApiProperty() problemId: string;
  @ApiProperty() agencyOrganisationId: string;
  @ApiProperty({ enum: CALL_STATUSES }) status: CallStatus;
  @ApiProperty({ format: 'date-time' }) deadline: Date;
  @ApiProperty({ type: String, isArray: true }) eligibleSolutionIds: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) awardedOfferId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) awardJustification: string | null;
  @ApiProperty() weightPriceBp: number;
  @ApiProperty() weightEffectBp: number;
  @ApiProperty() weightTrustBp: number;
  @ApiProperty({ enum: AWARD_MODES }) awardMode: AwardMode;
  @ApiPropertyOptional({ nullable: true, type: Number }) pocFinalists: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Trial budget per finalist, đồng' })
  pocTrialBudget: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Finalist proposed by the bake-off' })
  pocProposedOfferId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) evaluatedAt: Date | null;
}

export class CallListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CALL_STATUSES })
  @IsOptional()
  @IsIn(CALL_STATUSES)
  status?: CallStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  problemId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyOrganisationId?: string;
}

export class CallPageView {
  @ApiProperty({ type: CallView, isArray: true }) items: CallView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}

export class OfferView {
  @ApiProperty() id: string;
  @ApiProperty() callId: string;
  @ApiProperty() solutionId: string;
  @ApiProperty() vendorOrganisationId: string;
  @ApiPropertyOptional({ description: 'the vendor’s registered name (in offer lists)' }) vendorName?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the vendor’s tax code (in offer lists)' })
  vendorTaxCode?: string | null;
  @ApiProperty({ enum: OFFER_STATUSES }) status: OfferStatus;
  @ApiProperty() price: string;
  @ApiProperty({ type: KpiCommitmentDto, isArray: true }) kpiCommitments: KpiCommitmentDto[];
  @ApiProperty() durationDays: number;
  @ApiProperty() rounds: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    isArray: true,
    description: 'Share of the price each round can earn, basis points; null = equal shares',
  })
  roundSharesBp: number[] | null;
  @ApiProperty() deliveryShareBp: number;
  @ApiProperty() floorBp: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why a POC bake-off eliminated the offer' })
  eliminationReason: string | null;
}

export class TrialKpiView {
  @ApiProperty() key: string;
  @ApiProperty() measured: string;
  @ApiProperty() attainment: string;
}

export class TrialRoundView {
  @ApiProperty() roundNo: number;
  @ApiProperty({ type: TrialKpiView, isArray: true }) kpis: TrialKpiView[];
}

export const TRIAL_STATUSES = ['RUNNING', 'COMPARED', 'WITHDRAWN'] as const;
export type TrialStatus = (typeof TRIAL_STATUSES)[number];

export class BakeOffFinalistView {
  @ApiProperty() offerId: string;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty({ description: 'The finalist’s trial order' }) orderId: string;
  @ApiProperty({ description: 'Tier-2 rank' }) scoreRank: number;
  @ApiProperty({ description: 'Tier-2 score' }) scoreTotal: number;
  @ApiProperty({ description: 'Trial budget (the trial order’s max amount), đồng' }) maxAmount: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Paid by measured results, đồng' })
  paid: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'paid / max amount, exact fraction' })
  costEffectiveness: string | null;
  @ApiPropertyOptional({ nullable: true, type: TrialRoundView, isArray: true }) measured: TrialRoundView[] | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '1 = proposed for award' })
  comparisonRank: number | null;
  @ApiProperty({ enum: OFFER_STATUSES }) offerStatus: OfferStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) eliminationReason: string | null;
  @ApiProperty({
    enum: TRIAL_STATUSES,
    description:
      'RUNNING until the bake-off concludes, then COMPARED; WITHDRAWN when the trial order was cancelled unsigned (the offer is NOT_AWARDED)',
  })
  trialStatus: TrialStatus;
  @ApiProperty({ format: 'date-time', description: 'Both parties sign the trial order by then, or it is cancelled' })
  signBy: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) withdrawnAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why the trial order was cancelled' })
  withdrawalReason: string | null;
}

export class BakeOffView {
  @ApiProperty() callId: string;
  @ApiProperty({ enum: CALL_STATUSES }) status: CallStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) proposedOfferId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) awardedOfferId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) awardJustification: string | null;
  @ApiProperty({ type: BakeOffFinalistView, isArray: true }) finalists: BakeOffFinalistView[];
}
