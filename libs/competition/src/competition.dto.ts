import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDateString,
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
import { DECIMAL, DONG } from '@app/problems';
import { CALL_STATUSES, OFFER_STATUSES, type CallStatus, type OfferStatus } from './contracts/competition';

export class OpenCallDto {
  @ApiProperty() @IsUUID() problemId: string;
  @ApiProperty({ example: '2026-12-15T10:00:00Z' }) @IsDateString({ strict: true }) deadline: string;
}

export class KpiCommitmentDto {
  @ApiProperty({ example: 'K1' }) @IsString() @Length(1, 40) kpiCode: string;
  @ApiProperty({ example: '45' }) @Matches(DECIMAL, { message: 'target must be a decimal string' }) target: string;
  @ApiPropertyOptional({ example: '30' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'baseline must be a decimal string' })
  baseline?: string;
}

export class SubmitOfferDto {
  @ApiProperty() @IsUUID() solutionId: string;
  @ApiProperty({ example: '1500000000', description: 'Maximum price, đồng' })
  @Matches(DONG, { message: 'price must be a whole number of đồng written as a string' })
  price: string;
  @ApiProperty({ type: KpiCommitmentDto, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => KpiCommitmentDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  kpiCommitments: KpiCommitmentDto[];
  @ApiProperty({ example: 90 }) @IsInt() @Min(1) @Max(1825) durationDays: number;
  @ApiProperty({ example: 1, description: 'Measurement rounds (equal shares)' })
  @IsInt()
  @Min(1)
  @Max(24)
  rounds: number;
  @ApiPropertyOptional({ example: 0 }) @IsOptional() @IsInt() @Min(0) @Max(3000) deliveryShareBp?: number;
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @IsInt() @Min(0) @Max(10000) floorBp?: number;
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
}

export class OfferView {
  @ApiProperty() id: string;
  @ApiProperty() callId: string;
  @ApiProperty() solutionId: string;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty({ enum: OFFER_STATUSES }) status: OfferStatus;
  @ApiProperty() price: string;
  @ApiProperty({ type: KpiCommitmentDto, isArray: true }) kpiCommitments: KpiCommitmentDto[];
  @ApiProperty() durationDays: number;
  @ApiProperty() rounds: number;
  @ApiProperty() deliveryShareBp: number;
  @ApiProperty() floorBp: number;
}
