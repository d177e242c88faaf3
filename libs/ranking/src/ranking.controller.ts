import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/identity';
import { RankingFacade } from './ranking.facade';

class RankingEntryView {
  @ApiProperty() rank: number;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty() vendorName: string;
  @ApiProperty({ description: 'Expected share of outcome money earned (E)' }) expected: number;
  @ApiProperty({ description: 'Conservative lower bound (L), the ranking key' }) lowerBound: number;
  @ApiProperty() effectiveEvidence: number;
  @ApiProperty() label: string;
  @ApiProperty({ example: 'Tốt' }) labelVi: string;
  @ApiProperty() isNew: boolean;
  @ApiProperty() orders: number;
  @ApiProperty({ format: 'date-time' }) computedAt: Date;
}

@ApiTags('ranking')
@ApiBearerAuth()
@Controller('city/rankings')
export class RankingController {
  constructor(private readonly ranking: RankingFacade) {}

  @Get()
  @Roles('CITY_VIEWER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Xếp hạng tín nhiệm nhà cung cấp / Supplier trust ranking by lower bound L' })
  @ApiOkResponse({ type: RankingEntryView, isArray: true })
  list(): Promise<RankingEntryView[]> {
    return this.ranking.rankings();
  }
}
