import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PayoutLevelView, payoutTable, SimulationQueryDto, simulationLevels } from '@app/competition';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { paymentTermsOf } from './order-terms';
import { OrderingFacade } from './ordering.facade';

@ApiTags('ordering')
@ApiBearerAuth()
@Controller()
export class OrderPayoutsController {
  constructor(private readonly ordering: OrderingFacade) {}

  @Get('orders/:id/payout-simulation')
  @Roles('BUYER', 'VENDOR', 'ACCEPTANCE_OFFICER', 'OPERATOR_ADMIN', 'CITY_VIEWER')
  @ApiOperation({
    summary:
      'Mô phỏng thanh toán của đơn hàng / What each attainment level of the order’s terms would pay, per round, in total and per KPI',
  })
  @ApiOkResponse({ type: PayoutLevelView, isArray: true })
  async simulate(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SimulationQueryDto,
  ): Promise<PayoutLevelView[]> {
    const { order } = await this.ordering.get(p, id);
    return payoutTable(paymentTermsOf(order.terms), simulationLevels(query));
  }
}
