import { Body, Controller, Get, Param, ParseIntPipe, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import {
  ConfirmDeliveryDto,
  DisputeView,
  OpenDisputeDto,
  outcomeOf,
  RecheckDto,
  ResolveDisputeDto,
  SignRecordDto,
} from './acceptance-record.dto';
import { RecordView, RoundProgressView } from './acceptance.dto';
import { AcceptanceFacade } from './acceptance.facade';
import { RecordDocuments } from './record-document';
import { RoundProgressReads } from './round-progress';

@ApiTags('acceptance')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('orders/:orderId')
export class AcceptanceController {
  constructor(
    private readonly acceptance: AcceptanceFacade,
    private readonly progress: RoundProgressReads,
    private readonly documents: RecordDocuments,
  ) {}

  @Get('rounds')
  @Roles('BUYER', 'VENDOR', 'ACCEPTANCE_OFFICER', 'OPERATOR_ADMIN', 'CITY_VIEWER')
  @ApiOperation({
    summary:
      'Tiến độ các kỳ đo / Each measurement round of an order: per KPI the data points it has and needs ("chưa đủ dữ liệu")',
  })
  @ApiOkResponse({ type: RoundProgressView, isArray: true })
  rounds(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
  ): Promise<RoundProgressView[]> {
    return this.progress.ofOrder(p, orderId);
  }

  @Get('acceptance-records')
  @Roles('BUYER', 'VENDOR', 'ACCEPTANCE_OFFICER', 'OPERATOR_ADMIN', 'CITY_VIEWER', 'FUNDER')
  @ApiOperation({ summary: 'Biên bản nghiệm thu / Acceptance records of an order' })
  @ApiOkResponse({ type: RecordView, isArray: true })
  records(@CurrentPrincipal() p: Principal, @Param('orderId', ParseUUIDPipe) orderId: string): Promise<RecordView[]> {
    return this.acceptance.records(p, orderId);
  }

  @Get('acceptance-records/:recordId/pdf')
  @Roles('BUYER', 'VENDOR', 'ACCEPTANCE_OFFICER', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Biên bản nghiệm thu (PDF) / The record as a printable PDF: order, round, each KPI’s result and why, the ' +
      'amounts, the data files’ SHA-256 and who signed when',
    description:
      'For the order’s acceptance officers, its buying agency and vendor, and the operators; for anyone else the ' +
      'order does not exist (404).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'application/pdf', schema: { type: 'string', format: 'binary' } })
  async recordPdf(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Param('recordId', ParseUUIDPipe) recordId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { fileName, pdf } = await this.documents.pdf(p, orderId, recordId);
    reply.header('cache-control', 'private, no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }

  @Post('rounds/:roundNo/acceptance-record/signature')
  @Roles('ACCEPTANCE_OFFICER')
  @ApiOperation({
    summary:
      'Ký biên bản nghiệm thu / The ordering agency’s officer signs the record’s hash; the dispute window starts',
  })
  @ApiOkResponse({ type: RecordView })
  sign(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Param('roundNo', ParseIntPipe) roundNo: number,
    @Body() dto: SignRecordDto,
  ): Promise<RecordView> {
    return this.acceptance.sign(p, orderId, roundNo, dto.recordHash);
  }

  @Post('delivery')
  @Roles('ACCEPTANCE_OFFICER')
  @ApiOperation({
    summary: 'Xác nhận bàn giao / The ordering agency’s officer confirms delivery',
    description:
      'Creates the delivery record (round 0) showing what the order earns with its fixed delivery share; the officer ' +
      'then signs it like a round’s record (POST …/rounds/0/acceptance-record/signature), and once its dispute ' +
      'window passes the share is paid, once. 409 when the order has no delivery share or delivery is confirmed.',
  })
  @ApiOkResponse({ type: RecordView })
  confirmDelivery(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Body() dto: ConfirmDeliveryDto,
  ): Promise<RecordView> {
    return this.acceptance.confirmDelivery(p, orderId, dto.note);
  }

  @Post('rounds/:roundNo/disputes')
  @Roles('VENDOR')
  @ApiOperation({
    summary: 'Khiếu nại biên bản / The vendor disputes a signed record within its window; settlement is frozen',
  })
  @ApiOkResponse({ type: DisputeView })
  dispute(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Param('roundNo', ParseIntPipe) roundNo: number,
    @Body() dto: OpenDisputeDto,
  ): Promise<DisputeView> {
    return this.acceptance.dispute(p, orderId, roundNo, dto);
  }

  @Get('disputes')
  @Roles('BUYER', 'VENDOR', 'ACCEPTANCE_OFFICER', 'OPERATOR_ADMIN', 'CITY_VIEWER')
  @ApiOperation({ summary: 'Khiếu nại / Disputes of an order' })
  @ApiOkResponse({ type: DisputeView, isArray: true })
  disputes(@CurrentPrincipal() p: Principal, @Param('orderId', ParseUUIDPipe) orderId: string): Promise<DisputeView[]> {
    return this.acceptance.disputes(p, orderId);
  }

  @Post('rounds/:roundNo/rechecks')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Hậu kiểm lại kỳ đã thanh toán / The operator re-checks a settled round of an active order; it is frozen until resolved',
  })
  @ApiOkResponse({ type: DisputeView })
  recheck(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Param('roundNo', ParseIntPipe) roundNo: number,
    @Body() dto: RecheckDto,
  ): Promise<DisputeView> {
    return this.acceptance.recheck(p, orderId, roundNo, dto.reason);
  }

  @Post('disputes/:disputeId/resolution')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Giải quyết khiếu nại / The operator upholds the record or corrects it from corrected data',
  })
  @ApiOkResponse({ type: DisputeView })
  resolve(
    @CurrentPrincipal() p: Principal,
    @Param('orderId', ParseUUIDPipe) orderId: string,
    @Param('disputeId', ParseUUIDPipe) disputeId: string,
    @Body() dto: ResolveDisputeDto,
  ): Promise<DisputeView> {
    return this.acceptance.resolve(p, orderId, disputeId, { note: dto.note, outcome: outcomeOf(dto.outcome) });
  }
}
