import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { FunderPoolView, FundingTotalsView, PledgeDto } from './cofunding.dto';
import { OrderView, orderView, ReferencedAmountDto } from './ordering.dto';
import { OrderingFacade } from './ordering.facade';

/** Co-funding (vốn mồi): funders' pools, their pledges to draft orders, and the city's leverage inputs. */
@ApiTags('ordering')
@ApiBearerAuth()
@Controller()
export class CofundingController {
  constructor(private readonly ordering: OrderingFacade) {}

  @Post('funders/:funderId/deposits')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Ghi nhận tiền nộp của nhà đồng tài trợ / Record a co-funder’s deposit into its pool (once per reference)',
  })
  @ApiOkResponse({ type: FunderPoolView })
  async deposit(
    @CurrentPrincipal() p: Principal,
    @Param('funderId', ParseUUIDPipe) funderId: string,
    @Body() dto: ReferencedAmountDto,
  ): Promise<FunderPoolView> {
    const available = await this.ordering.depositToFunderPool(p, funderId, BigInt(dto.amount), dto.reference);
    return { funderOrganisationId: funderId, available: available.toString() };
  }

  @Get('funders/:funderId/pool')
  @Roles('FUNDER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Quỹ khả dụng của nhà đồng tài trợ / A co-funder’s available pool' })
  @ApiOkResponse({ type: FunderPoolView })
  async pool(
    @CurrentPrincipal() p: Principal,
    @Param('funderId', ParseUUIDPipe) funderId: string,
  ): Promise<FunderPoolView> {
    return { funderOrganisationId: funderId, available: (await this.ordering.funderPool(p, funderId)).toString() };
  }

  @Post('orders/:id/pledges')
  @Roles('FUNDER')
  @ApiOperation({
    summary:
      'Cam kết vốn đồng tài trợ / Pledge to a draft order; part of the signed terms, moved into escrow on the last signature',
  })
  @ApiOkResponse({ type: OrderView })
  async pledge(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PledgeDto,
  ): Promise<OrderView> {
    await this.ordering.pledge(p, id, BigInt(dto.amount));
    return orderView(await this.ordering.get(p, id));
  }

  @Delete('orders/:id/pledge')
  @Roles('FUNDER')
  @ApiOperation({ summary: 'Rút cam kết / Withdraw my organisation’s pledge while the order is a draft' })
  @ApiOkResponse({ type: OrderView })
  async withdraw(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OrderView> {
    await this.ordering.withdrawPledge(p, id);
    return orderView(await this.ordering.get(p, id));
  }

  @Get('funding/totals')
  @Roles('CITY_VIEWER', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Vốn mồi và vốn đồng tài trợ của các đơn đã ký / Seed capital and co-funding in signed orders (leverage = cofunders / city)',
  })
  @ApiOkResponse({ type: FundingTotalsView })
  async totals(): Promise<FundingTotalsView> {
    const { city, cofunders } = await this.ordering.funding();
    return { city: city.toString(), cofunders: cofunders.toString() };
  }
}
