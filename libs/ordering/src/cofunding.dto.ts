import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class PledgeDto {
  @ApiProperty({ example: '200000000', description: 'đồng, more than zero' })
  @Matches(/^[1-9]\d{0,17}$/, { message: 'amount must be a positive whole number of đồng written as a string' })
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
