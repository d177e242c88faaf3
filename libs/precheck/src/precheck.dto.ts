import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
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
import {
  GROUPS,
  REQUIREMENT_TYPES,
  SCORINGS,
  SUBMISSION_STATUSES,
  type Answer,
  type Failure,
  type Group,
  type RequirementType,
  type Scoring,
  type SubmissionStatus,
} from './contracts/precheck';
import { PageQueryDto } from '@app/platform';

export class RequirementDto {
  @ApiProperty({ example: 'cap-do-attt' }) @IsString() @Matches(/^[a-z0-9-]{2,60}$/) id: string;
  @ApiProperty({ example: 'Cấp độ an toàn hệ thống thông tin' }) @IsString() @Length(2, 300) title: string;
  @ApiProperty({ enum: GROUPS }) @IsIn(GROUPS) group: Group;
  @ApiProperty({ enum: REQUIREMENT_TYPES }) @IsIn(REQUIREMENT_TYPES) type: RequirementType;
  @ApiProperty() @IsBoolean() mandatory: boolean;
  @ApiProperty({ enum: SCORINGS }) @IsIn(SCORINGS) scoring: Scoring;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() expected?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsNumber() min?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() max?: number;
  @ApiPropertyOptional({ type: String, isArray: true })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(50)
  options?: string[];
  @ApiPropertyOptional({ type: String, isArray: true })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(50)
  accepted?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(36_500) maxAgeDays?: number;
  @ApiPropertyOptional({ type: String, isArray: true, example: ['application/pdf'] })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(10)
  allowedTypes?: string[];
}

export class PrecheckWeightsDto {
  @ApiProperty() @IsInt() @Min(0) @Max(100) capability: number;
  @ApiProperty() @IsInt() @Min(0) @Max(100) security: number;
  @ApiProperty() @IsInt() @Min(0) @Max(100) kpi: number;
}

export class CreateRequirementSetDto {
  @ApiProperty({ example: 'giao-thong' }) @IsString() @Length(2, 60) categoryCode: string;
  @ApiProperty({ type: RequirementDto, isArray: true })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RequirementDto)
  requirements: RequirementDto[];
  @ApiPropertyOptional({ type: PrecheckWeightsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PrecheckWeightsDto)
  weights?: PrecheckWeightsDto;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @IsInt() @Min(0) @Max(100) groupMark?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) @IsOptional() @IsInt() @Min(0) @Max(100) totalMark?: number;
}

export class RequirementSetView extends CreateRequirementSetDto {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class RequirementSetListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'category code', example: 'giao-thong' })
  @IsOptional()
  @IsString()
  @Length(2, 60)
  category?: string;
}

export class RequirementSetPageView {
  @ApiProperty({ type: RequirementSetView, isArray: true }) items: RequirementSetView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}

export class AnswerDto {
  @ApiProperty() @IsString() @Length(1, 60) requirementId: string;
  @ApiProperty({ oneOf: [{ type: 'boolean' }, { type: 'number' }, { type: 'string' }] })
  @IsDefined()
  value: Answer;
}

export class SubmitSolutionDto {
  @ApiProperty() @IsUUID() solutionId: string;
  @ApiPropertyOptional({ type: AnswerDto, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers?: AnswerDto[];
}

export class GroupScoreDto {
  @ApiProperty({ enum: GROUPS }) @IsIn(GROUPS) group: Group;
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) score: number;
  @ApiProperty({ example: 'Đủ năng lực; KPI đo được bằng camera.' }) @IsString() @Length(3, 2000) reason: string;
}

export class ScoreDto {
  @ApiProperty({ type: GroupScoreDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => GroupScoreDto)
  scores: GroupScoreDto[];
}

export class ConflictDto {
  @ApiProperty({ description: 'An assessor or an acceptance officer' }) @IsUUID() assessorUserId: string;
  @ApiProperty() @IsUUID() vendorOrganisationId: string;
  @ApiProperty({ example: 'Từng là cố vấn của doanh nghiệp (2024).' }) @IsString() @Length(3, 1000) reason: string;
}

export class FailureView {
  @ApiProperty({ enum: GROUPS }) group: Group;
  @ApiPropertyOptional() requirementId?: string;
  @ApiPropertyOptional() kpiId?: string;
  @ApiPropertyOptional({ type: String, isArray: true }) missing?: string[];
  @ApiProperty() reason: string;
}

export class AssessmentView {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'shown to operators and to the assessor only' })
  assessorUserId: string | null;
  @ApiProperty() mine: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) scoredAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: GroupScoreDto, isArray: true }) scores: GroupScoreDto[] | null;
}

export class SubmissionView {
  @ApiProperty() id: string;
  @ApiProperty() solutionId: string;
  @ApiProperty({ description: 'the name of the solution version submitted' }) solutionName: string;
  @ApiProperty() solutionVersion: number;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty() categoryCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) requirementSetId: string | null;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty({ type: FailureView, isArray: true }) failures: Failure[];
  @ApiPropertyOptional({
    nullable: true,
    enum: GROUPS,
    isArray: true,
    description: 're-check after listing: the only groups scored',
  })
  changedGroups: Group[] | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) qualityScore: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'WAITING only: position in the category queue' })
  waitingRank?: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) decidedAt: Date | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) answers: Record<string, Answer>;
  @ApiProperty({ type: AssessmentView, isArray: true }) assessments: AssessmentView[];
}

export class SubmissionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  solutionId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  vendorOrganisationId?: string;
}

export class SubmissionPageView {
  @ApiProperty({ type: SubmissionView, isArray: true }) items: SubmissionView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}
