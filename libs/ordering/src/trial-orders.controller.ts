import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { OrderSummaryView } from './ordering.dto';
import { TrialOrders } from './trial-orders';
import { StartBakeOffDto } from './trial-orders.dto';

@ApiTags('ordering')
@ApiBearerAuth()
@Controller()
export class TrialOrdersController {
  constructor(private readonly trials: TrialOrders) {}

  @Post('calls/:id/bake-off')
  @Roles('BUYER')
  @ApiOperation({
    summary:
      'Bắt đầu vòng POC / Start the bake-off of a scored POC call: a draft trial order (trial budget, one round) per finalist',
    description:
      'Finalists are the best ranked offers whose solution is LISTED now; offers of solutions no longer listed are ' +
      'skipped. Each trial order must be signed within signWithinDays (default 14) or it is cancelled.',
  })
  @ApiOkResponse({ type: OrderSummaryView, isArray: true })
  start(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) callId: string,
    @Body() dto: StartBakeOffDto,
  ): Promise<OrderSummaryView[]> {
    return this.trials.start(p, callId, dto);
  }
}
