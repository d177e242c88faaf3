import { ApiProperty } from '@nestjs/swagger';
import { IsDongAmount } from '@app/platform';

export class PledgeDto {
  @ApiProperty({ example: '200000000', description: 'đồng, more than zero' })
  @IsDongAmount({ positive: true })
  amount: string;
}

export class FunderPoolView {
  @ApiProperty() funderOrganisationId: string;
  @ApiProperty({ description: 'Money in the co-funder’s pool not yet moved into an escrow, đồng' }) available: string;
}

export class FundingTotalsView {
  @ApiProperty({ description: 'Seed capital: what agency budgets put into the escrow of signed orders, đồng' })
  city: string;
  @ApiProperty({ description: 'What co-funders put into the escrow of signed orders, đồng' }) cofunders: string;
}
