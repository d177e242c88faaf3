import { Body, Controller, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { UploadMeasurementsDto, UploadResultView } from '../acceptance.dto';
import { MeasurementIngest } from './measurement-ingest';

@ApiTags('acceptance')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('orders/:orderId')
export class MeasurementsController {
  constructor(private readonly ingest: MeasurementIngest) {}

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
}
