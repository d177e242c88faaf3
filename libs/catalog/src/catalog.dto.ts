import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
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
import {
  KPI_DIRECTIONS,
  MEANINGFUL_UNIT,
  MEASUREMENT_FREQUENCIES,
  type KpiDirection,
  type MeasurementFrequency,
} from '@app/kernel';
import { IsDongAmount, PageQueryDto, PageView } from '@app/platform';
import {
  AGGREGATIONS,
  DEPLOYMENT_MODELS,
  REVISION_STATUSES,
  SOLUTION_STATUSES,
  TRUST_LABELS,
  type Aggregation,
  type DeploymentModel,
  type RevisionStatus,
  type SolutionStatus,
  type TrustLabel,
} from './contracts/catalog';
import { DOCUMENT_REVIEW_STATUSES, type DocumentReviewStatus } from './document.entity';

/** Only the metric is required to save a draft; the pre-check names every other declaration that is missing. */
export class SolutionKpiDto {
  @ApiProperty({ example: 'Thời gian ùn tắc trung bình tại điểm nóng' }) @IsString() @Length(2, 300) metric: string;
  @ApiPropertyOptional({ example: 'phút', description: 'Has a letter or a % sign' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  @Matches(MEANINGFUL_UNIT, { message: 'unit must name a unit (a letter or a % sign)' })
  unit?: string;
  @ApiPropertyOptional({ enum: KPI_DIRECTIONS }) @IsOptional() @IsIn(KPI_DIRECTIONS) direction?: KpiDirection;
  @ApiPropertyOptional({ example: 'Camera giao thông của Sở Xây dựng' })
  @IsOptional()
  @IsString()
  @Length(2, 300)
  dataSource?: string;
  @ApiPropertyOptional({ example: 'Sở Xây dựng Hà Nội' }) @IsOptional() @IsString() @Length(2, 300) dataOwner?: string;
  @ApiPropertyOptional({ example: 'Đếm phương tiện bằng camera AI mỗi 15 phút' })
  @IsOptional()
  @IsString()
  @Length(2, 1000)
  measurementMethod?: string;
  @ApiPropertyOptional({ enum: AGGREGATIONS }) @IsOptional() @IsIn(AGGREGATIONS) aggregation?: Aggregation;
  @ApiPropertyOptional({ enum: MEASUREMENT_FREQUENCIES })
  @IsOptional()
  @IsIn(MEASUREMENT_FREQUENCIES)
  frequency?: MeasurementFrequency;
  @ApiPropertyOptional({ example: 'Trung bình 3 tháng trước triển khai' })
  @IsOptional()
  @IsString()
  @Length(2, 500)
  baselineMethod?: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) minimumSample?: number;
  @ApiPropertyOptional({ example: 'CSV' }) @IsOptional() @IsString() @Length(2, 100) evidenceFormat?: string;
}

export class CreateSolutionDto {
  @ApiProperty({ example: 'Điều khiển đèn tín hiệu thích ứng bằng AI' }) @IsString() @Length(3, 200) name: string;
  @ApiProperty() @IsString() @Length(10, 2000) summary: string;
  @ApiProperty({ example: 'giao-thong' }) @IsString() @Length(2, 60) categoryCode: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(10, 20_000) description?: string;
  @ApiPropertyOptional({ enum: DEPLOYMENT_MODELS })
  @IsOptional()
  @IsIn(DEPLOYMENT_MODELS)
  deploymentModel?: DeploymentModel;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() makeInVietnam?: boolean;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'percent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  localisationShare?: number;
  @ApiPropertyOptional({ example: '200000000', description: 'đồng' }) @IsOptional() @IsDongAmount() priceMin?: string;
  @ApiPropertyOptional({ example: '900000000', description: 'đồng' }) @IsOptional() @IsDongAmount() priceMax?: string;
  @ApiProperty({ type: SolutionKpiDto, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => SolutionKpiDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  kpis: SolutionKpiDto[];
}

export class SolutionKpiView {
  @ApiProperty() id: string;
  @ApiProperty() metric: string;
  @ApiPropertyOptional({ nullable: true, type: String }) unit: string | null;
  @ApiPropertyOptional({ nullable: true, enum: KPI_DIRECTIONS }) direction: KpiDirection | null;
  @ApiPropertyOptional({ nullable: true, type: String }) dataSource: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) dataOwner: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) measurementMethod: string | null;
  @ApiPropertyOptional({ nullable: true, enum: AGGREGATIONS }) aggregation: Aggregation | null;
  @ApiPropertyOptional({ nullable: true, type: String }) frequency: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) baselineMethod: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) minimumSample: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) evidenceFormat: string | null;
}

export class SolutionView {
  @ApiProperty() id: string;
  @ApiProperty() vendorOrganisationId: string;
  @ApiPropertyOptional({ description: 'the vendor’s registered name' }) vendorName?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the vendor’s tax code (mã số thuế)' })
  vendorTaxCode?: string | null;
  @ApiProperty() name: string;
  @ApiProperty() summary: string;
  @ApiProperty() categoryCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiPropertyOptional({ nullable: true, enum: DEPLOYMENT_MODELS }) deploymentModel: DeploymentModel | null;
  @ApiProperty() makeInVietnam: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) localisationShare: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) priceMin: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) priceMax: string | null;
  @ApiProperty({ enum: SOLUTION_STATUSES }) status: SolutionStatus;
  @ApiProperty({ description: 'public: the checked version; vendor and operators: the latest version' })
  version: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) checkedVersion: number | null;
  @ApiProperty({ enum: REVISION_STATUSES }) revisionStatus: RevisionStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) revisionReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) statusReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) suspendedUntil: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) listedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) listingExpiresAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) qualityScore: number | null;
  @ApiProperty({ type: SolutionKpiView, isArray: true }) kpis: SolutionKpiView[];
}

export class CategoryView {
  @ApiProperty() code: string;
  @ApiProperty() nameVi: string;
  @ApiProperty() nameEn: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) capacity: number | null;
}

export class CategoryDto {
  @ApiProperty({ example: 'Quản lý trật tự xây dựng' }) @IsString() @Length(2, 200) nameVi: string;
  @ApiProperty({ example: 'Construction order management' }) @IsString() @Length(2, 200) nameEn: string;
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;
}

export class CreateCategoryDto extends CategoryDto {
  @ApiProperty({ example: 'trat-tu-xay-dung' }) @IsString() @Matches(/^[a-z0-9-]{2,60}$/) code: string;
}

export class SuspendDto {
  @ApiProperty({ format: 'date-time' }) @IsDateString() until: string;
  @ApiProperty({ example: 'Sự cố an toàn thông tin đang được xác minh.' }) @IsString() @Length(3, 2000) reason: string;
}

export class DelistDto {
  @ApiProperty({ example: 'Nhà cung cấp vi phạm cam kết.' }) @IsString() @Length(3, 2000) reason: string;
}

export class SearchQueryDto {
  @ApiPropertyOptional({ description: 'full text, with or without Vietnamese diacritics' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 60) category?: string;
  @ApiPropertyOptional({
    enum: ['LISTED', 'SUSPENDED', 'WAITING', 'EXPIRED', 'DELISTED'],
    description: 'operators only',
  })
  @IsOptional()
  @IsIn(['LISTED', 'SUSPENDED', 'WAITING', 'EXPIRED', 'DELISTED'])
  status?: SolutionStatus;
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @IsIn(['true', 'false'])
  makeInVietnam?: 'true' | 'false';
  @ApiPropertyOptional({ enum: DEPLOYMENT_MODELS })
  @IsOptional()
  @IsIn(DEPLOYMENT_MODELS)
  deploymentModel?: DeploymentModel;
  @ApiPropertyOptional({ description: 'solutions whose range reaches at least this price (đồng)' })
  @IsOptional()
  @IsDongAmount()
  priceMin?: string;
  @ApiPropertyOptional({ description: 'solutions whose range starts at most at this price (đồng)' })
  @IsOptional()
  @IsDongAmount()
  priceMax?: string;
  @ApiPropertyOptional({
    enum: TRUST_LABELS,
    isArray: true,
    description: 'repeatable; vendors the ranking has not labelled yet are NHA_CUNG_CAP_MOI (Nhà cung cấp mới)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? (value as unknown[]) : [value]))
  @ArrayMaxSize(TRUST_LABELS.length)
  @IsIn(TRUST_LABELS, { each: true })
  trustLabel?: TrustLabel[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class ListingView {
  @ApiProperty() id: string;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty({ description: 'the vendor’s registered name' }) vendorName: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the vendor’s tax code (mã số thuế)' })
  vendorTaxCode: string | null;
  @ApiProperty() categoryCode: string;
  @ApiProperty({ enum: SOLUTION_STATUSES }) status: SolutionStatus;
  @ApiProperty() qualityScore: number;
  @ApiProperty({ description: 'the checked version' }) version: number;
  @ApiProperty() name: string;
  @ApiProperty() summary: string;
  @ApiProperty() makeInVietnam: boolean;
  @ApiPropertyOptional({ nullable: true, enum: DEPLOYMENT_MODELS }) deploymentModel: DeploymentModel | null;
  @ApiPropertyOptional({ nullable: true, type: String }) priceMin: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) priceMax: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) listedAt: Date | null;
  @ApiProperty({ enum: TRUST_LABELS, description: "the vendor's current trust label" }) trustLabel: TrustLabel;
  @ApiProperty({ description: 'under a trust re-check (shown as “Đang xem xét lại”)' }) underRecheck: boolean;
}

export class ListingPage {
  @ApiProperty({ type: ListingView, isArray: true }) items: ListingView[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class SolutionPageView extends PageView(SolutionView) {}

export class CatalogQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 60) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() vendor?: string;
}

export class DocumentView {
  @ApiProperty() id: string;
  @ApiProperty() solutionId: string;
  @ApiProperty() solutionVersion: number;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'detected from the bytes' }) mediaType: string;
  @ApiProperty({ description: 'size in bytes, as a string' }) bytes: string;
  @ApiProperty() sha256: string;
  @ApiProperty({ description: 'never shown to the public' }) confidential: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) confidentialReason: string | null;
  @ApiProperty({
    enum: DOCUMENT_REVIEW_STATUSES,
    description: 'PENDING: added after the pre-check, not public until the operator accepts it or a re-check covers it',
  })
  reviewStatus: DocumentReviewStatus;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewReason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class DocumentPageView {
  @ApiProperty({ type: DocumentView, isArray: true }) items: DocumentView[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}

export class DocumentReviewDto {
  @ApiProperty({ enum: ['accept', 'reject'] })
  @IsIn(['accept', 'reject'])
  decision: 'accept' | 'reject';

  @ApiPropertyOptional({ description: 'required to reject', example: 'Tài liệu không khớp phiên bản giải pháp.' })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  reason?: string;
}

export class ConfidentialityDto {
  @ApiProperty() @IsBoolean() confidential: boolean;
  @ApiPropertyOptional({
    example: 'Sơ đồ hạ tầng mạng nội bộ của khách hàng.',
    description: 'required when confidential',
  })
  @IsOptional()
  @IsString()
  @Length(3, 1000)
  reason?: string;
}
