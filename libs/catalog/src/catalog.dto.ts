import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { KPI_DIRECTIONS, type KpiDirection } from '@app/kernel';
import { AGGREGATIONS, SOLUTION_STATUSES, type Aggregation, type SolutionStatus } from './contracts/catalog';

export class SolutionKpiDto {
  @ApiProperty({ example: 'Thời gian ùn tắc trung bình tại điểm nóng' }) @IsString() @Length(2, 300) metric: string;
  @ApiProperty({ example: 'phút' }) @IsString() @Length(1, 40) unit: string;
  @ApiProperty({ enum: KPI_DIRECTIONS }) @IsIn(KPI_DIRECTIONS) direction: KpiDirection;
  @ApiProperty({ example: 'Camera giao thông của Sở Xây dựng' }) @IsString() @Length(2, 300) dataSource: string;
  @ApiProperty({ example: 'Đếm phương tiện bằng camera AI mỗi 15 phút' })
  @IsString()
  @Length(2, 1000)
  measurementMethod: string;
  @ApiProperty({ enum: AGGREGATIONS }) @IsIn(AGGREGATIONS) aggregation: Aggregation;
  @ApiProperty({ example: 'daily' }) @IsString() @Length(2, 40) frequency: string;
  @ApiProperty({ example: 'Trung bình 3 tháng trước triển khai' }) @IsString() @Length(2, 500) baselineMethod: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(1_000_000) minimumSample: number;
  @ApiProperty({ example: 'CSV' }) @IsString() @Length(2, 100) evidenceFormat: string;
}

export class CreateSolutionDto {
  @ApiProperty({ example: 'Điều khiển đèn tín hiệu thích ứng bằng AI' }) @IsString() @Length(3, 200) name: string;
  @ApiProperty() @IsString() @Length(10, 2000) summary: string;
  @ApiProperty({ example: 'giao-thong' }) @IsString() @Length(2, 60) categoryCode: string;
  @ApiProperty({ type: SolutionKpiDto, isArray: true })
  @ValidateNested({ each: true })
  @Type(() => SolutionKpiDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  kpis: SolutionKpiDto[];
}

export class SolutionKpiView extends SolutionKpiDto {
  @ApiProperty() id: string;
}

export class SolutionView {
  @ApiProperty() id: string;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty() name: string;
  @ApiProperty() summary: string;
  @ApiProperty() categoryCode: string;
  @ApiProperty({ enum: SOLUTION_STATUSES }) status: SolutionStatus;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) listedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) listingExpiresAt: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) qualityScore: number | null;
  @ApiProperty({ type: SolutionKpiView, isArray: true }) kpis: SolutionKpiView[];
}

export class CategoryView {
  @ApiProperty() code: string;
  @ApiProperty() nameVi: string;
  @ApiProperty() nameEn: string;
}

export class CatalogQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 60) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() vendor?: string;
}
