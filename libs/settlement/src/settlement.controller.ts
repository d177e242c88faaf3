import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { SettlementView } from './settlement.dto';
import { SettlementFacade } from './settlement.facade';

@ApiTags('settlement')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('orders/:orderId')
export class SettlementController {
  constructor(private readonly settlement: SettlementFacade) {}

  @Get('settlements')
  @Roles('BUYER', 'VENDOR', 'ACCEPTANCE_OFFICER', 'OPERATOR_ADMIN', 'CITY_VIEWER', 'FUNDER')
  @ApiOperation({ summary: 'Thanh toán theo kết quả / Outcome payments of an order' })
  @ApiOkResponse({ type: SettlementView, isArray: true })
  settlements(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
  ): Promise<SettlementView[]> {
    return this.settlement.settlements(p, orderId);
  }
}
