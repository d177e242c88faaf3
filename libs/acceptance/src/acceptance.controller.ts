import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { RecordView, SettlementView } from './acceptance.dto';
import { AcceptanceFacade } from './acceptance.facade';

@ApiTags('acceptance')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('orders/:orderId')
export class AcceptanceController {
  constructor(private readonly acceptance: AcceptanceFacade) {}

  @Get('acceptance-records')
  @Roles('BUYER', 'VENDOR', 'ACCEPTANCE_OFFICER', 'OPERATOR_ADMIN', 'CITY_VIEWER')
  @ApiOperation({ summary: 'Biên bản nghiệm thu / Acceptance records of an order' })
  @ApiOkResponse({ type: RecordView, isArray: true })
  records(@CurrentPrincipal() p: Principal, @Param('orderId', ParseUUIDPipe) orderId: string): Promise<RecordView[]> {
    return this.acceptance.records(p, orderId);
  }

  @Get('settlements')
  @Roles('BUYER', 'VENDOR', 'ACCEPTANCE_OFFICER', 'OPERATOR_ADMIN', 'CITY_VIEWER')
  @ApiOperation({ summary: 'Thanh toán theo kết quả / Outcome payments of an order' })
  @ApiOkResponse({ type: SettlementView, isArray: true })
  settlements(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
  ): Promise<SettlementView[]> {
    return this.acceptance.settlements(p, orderId);
  }
}
