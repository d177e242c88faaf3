import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { SUBMISSION_STATUSES, type SubmissionStatus } from './contracts/precheck';

export class SubmitSolutionDto {
  @ApiProperty() @IsUUID() solutionId: string;
}

export class DecisionDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) score: number;
  @ApiProperty({ example: 'Đủ năng lực, KPI đo được.' }) @IsString() @Length(3, 2000) reason: string;
}

export class SubmissionView {
  @ApiProperty() id: string;
  @ApiProperty() solutionId: string;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiPropertyOptional({ nullable: true, type: Number }) score: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) decidedAt: Date | null;
}
