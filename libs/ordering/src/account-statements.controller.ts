import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { assertSameOrganisationOrOperator, CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { LedgerFacade, type StatementLine } from '@app/ledger';
import { DEFAULT_PAGE_SIZE, PageQueryDto, PageView } from '@app/platform';
import { ledgerCodes } from './contracts/ordering';

export class StatementLineView {
  @ApiProperty({
    description:
      'allocate (budget granted), deposit (money paid into a co-funder’s pool), reserve (moved into an order’s escrow at signing), release (an order’s remainder returned at its close)',
    example: 'release',
  })
  kind: string;
  @ApiProperty({ description: 'đồng; negative when money left the account', example: '-1500000000' }) amount: string;
  @ApiProperty({ description: 'The account’s balance right after this movement, đồng' }) balanceAfter: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The order the money went to or came back from' })
  orderId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Reference of a budget decision or a deposit' })
  reference: string | null;
  @ApiProperty({ format: 'date-time' }) at: Date;
}

export class StatementPageView extends PageView(StatementLineView) {}

function lineView(line: StatementLine): StatementLineView {
  const orderId = line.metadata.orderId;
  return {
    kind: line.kind,
    amount: line.amount.toString(),
    balanceAfter: line.balanceAfter.toString(),
    orderId: typeof orderId === 'string' ? orderId : null,
    reference: line.memo,
    at: line.at,
  };
}

/**
 * The movements behind an agency's budget figure and a co-funder's pool: what came in, what each signed order
 * reserved, and what each closed order gave back.
 */
@ApiTags('ordering')
@ApiBearerAuth()
@Controller()
export class AccountStatementsController {
  constructor(private readonly ledger: LedgerFacade) {}

  private async statement(code: string, q: PageQueryDto): Promise<StatementPageView> {
    const page = await this.ledger.statement(code, { cursor: q.cursor, limit: q.limit ?? DEFAULT_PAGE_SIZE });
    return { items: page.items.map(lineView), nextCursor: page.nextCursor };
  }

  @Get('budgets/:agencyId/statement')
  @Roles('BUYER', 'OPERATOR_ADMIN', 'CITY_VIEWER')
  @ApiOperation({
    summary:
      'Sao kê ngân sách / An agency budget’s movements, newest first, paged: allocations, reservations into orders, releases back',
  })
  @ApiOkResponse({ type: StatementPageView })
  budget(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Query() q: PageQueryDto,
  ): Promise<StatementPageView> {
    if (p.organisationType !== 'CITY') assertSameOrganisationOrOperator(p, agencyId);
    return this.statement(ledgerCodes.budget(agencyId), q);
  }

  @Get('funders/:funderId/statement')
  @Roles('FUNDER', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Sao kê quỹ đồng tài trợ / A co-funder pool’s movements, newest first, paged: deposits, pledges moved into escrow, what came back',
  })
  @ApiOkResponse({ type: StatementPageView })
  funder(
    @CurrentPrincipal() p: Principal,
    @Param('funderId', ParseUUIDPipe) funderId: string,
    @Query() q: PageQueryDto,
  ): Promise<StatementPageView> {
    assertSameOrganisationOrOperator(p, funderId);
    return this.statement(ledgerCodes.funderPool(funderId), q);
  }
}
