import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class PublicPageQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class PublicRankingQueryDto {
  @ApiPropertyOptional({ description: 'category code; omitted = over all categories' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  category?: string;
}

export class PublicPageView {
  @ApiProperty({ type: 'object', isArray: true, additionalProperties: true }) items: object[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}
