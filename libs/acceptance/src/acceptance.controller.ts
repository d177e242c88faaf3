import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { RecordView, SettlementView, UploadMeasurementsDto, UploadResultView } from './acceptance.dto';
import { AcceptanceFacade } from './acceptance.facade';
import { MeasurementIngest } from './ingest/measurement-ingest';

@ApiTags('acceptance')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('orders/:orderId')
export class AcceptanceController {
  constructor(
    private readonly acceptance: AcceptanceFacade,
    private readonly ingest: MeasurementIngest,
  ) {}

  @Post('rounds/:roundNo/measurements')
  @Roles('ACCEPTANCE_OFFICER')
  @ApiOperation({
    summary:
      'Tải số liệu đo (hậu kiểm) / Upload a round’s measurements (acceptance officers or the agency’s system; never the vendor)',
  })
  @ApiOkResponse({ type: UploadResultView })
  async upload(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Param('roundNo', ParseIntPipe) roundNo: number,
    @Body() dto: UploadMeasurementsDto,
  ): Promise<UploadResultView> {
    const batch = await this.ingest.upload(p, orderId, roundNo, dto);
    return { batchId: batch.id, sha256: batch.sha256, rows: batch.rowCount };
  }

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
