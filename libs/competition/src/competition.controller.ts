import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@app/identity';
import { DEFAULT_PAGE_SIZE } from '@app/platform';
import { BakeOffFacade } from './bake-off.facade';
import {
  BakeOffView,
  CallListQueryDto,
  CallPageView,
  CallView,
  ClarificationAnswerDto,
  ClarificationQuestionDto,
  ClarificationView,
  OfferView,
  OpenCallDto,
  PaymentTermsDto,
  PayoutLevelView,
  ScoreView,
  SimulationQueryDto,
  simulationLevels,
  SubmitOfferDto,
} from './competition.dto';
import { CompetitionFacade } from './competition.facade';

@ApiTags('competition')
@ApiBearerAuth()
@Controller()
export class CompetitionController {
  constructor(
    private readonly competition: CompetitionFacade,
    private readonly bakeOffs: BakeOffFacade,
  ) {}

  @Post('calls')
  @Roles('BUYER')
  @ApiOperation({ summary: 'Mở lời mời chào giá / Open a call on a published problem (freezes the eligible pool)' })
  @ApiOkResponse({ type: CallView })
  open(@CurrentPrincipal() p: Principal, @Body() dto: OpenCallDto): Promise<CallView> {
    return this.competition.openCall(p, dto);
  }

  @Get('calls')
  @Public()
  @ApiOperation({ summary: 'Lời mời chào giá / Calls (public), newest first, paged by cursor, filtered' })
  @ApiOkResponse({ type: CallPageView })
  list(@Query() q: CallListQueryDto): Promise<CallPageView> {
    return this.competition.listCalls({ ...q, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Get('calls/:id')
  @Public()
  @ApiOperation({ summary: 'Chi tiết lời mời / A call (public)' })
  @ApiOkResponse({ type: CallView })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CallView> {
    return this.competition.call(id);
  }

  @Post('calls/:id/offers')
  @Roles('VENDOR')
  @ApiOperation({
    summary:
      'Nộp hồ sơ chào (Mẫu 02) / Submit an offer: the solution must be in the call’s eligible pool and LISTED now (409 COMPETITION.SOLUTION_NOT_LISTED otherwise); the delivery share leaves at least the problem’s share payable by results',
  })
  @ApiOkResponse({ type: OfferView })
  submit(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitOfferDto,
  ): Promise<OfferView> {
    return this.competition.submitOffer(p, id, dto);
  }

  @Get('calls/:id/offers')
  @Roles('VENDOR', 'BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Hồ sơ chào / Offers (sealed until the deadline; vendors see only their own)' })
  @ApiOkResponse({ type: OfferView, isArray: true })
  offers(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView[]> {
    return this.competition.listOffers(p, id);
  }

  @Get('calls/:id/scores')
  @Public()
  @ApiOperation({ summary: 'Điểm xếp hạng hồ sơ chào / Tier-2 scores with breakdown and inputs (after the deadline)' })
  @ApiOkResponse({ type: ScoreView, isArray: true })
  scores(@Param('id', ParseUUIDPipe) id: string): Promise<ScoreView[]> {
    return this.competition.scores(id);
  }

  @Get('calls/:id/bake-off')
  @Public()
  @ApiOperation({
    summary:
      'So sánh vòng POC / Bake-off comparison. Finalists are the best-scored offers accepting POC elimination whose solution is still LISTED when the bake-off starts (others are declined); a finalist whose solution stops being LISTED cannot be awarded. Per finalist its trial order, measured KPIs, paid, max, cost-effectiveness and score, or why it withdrew (trial order cancelled unsigned); buyer: from the start; public: once awarded. When every finalist withdrew the call ends CANCELLED with no proposal, and the agency opens a new call on the problem',
  })
  @ApiOkResponse({ type: BakeOffView })
  async bakeOff(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal({ optional: true }) p?: Principal,
  ): Promise<BakeOffView> {
    const { call, trials } = await this.bakeOffs.comparison(id, p);
    return {
      callId: call.id,
      status: call.status,
      proposedOfferId: call.pocProposedOfferId,
      awardedOfferId: call.awardedOfferId,
      awardJustification: call.awardJustification,
      finalists: trials.map((t) => ({
        offerId: t.offerId,
        vendorOrganisationId: t.vendorOrganisationId,
        orderId: t.orderId,
        scoreRank: t.scoreRank,
        scoreTotal: t.scoreTotal,
        maxAmount: t.maxAmount,
        paid: t.paid,
        costEffectiveness: t.costEffectiveness,
        measured: t.measured,
        comparisonRank: t.comparisonRank,
        offerStatus: t.offerStatus,
        eliminationReason: t.eliminationReason,
        trialStatus: t.withdrawnAt ? 'WITHDRAWN' : t.concludedAt ? 'COMPARED' : 'RUNNING',
        signBy: t.signBy,
        withdrawnAt: t.withdrawnAt,
        withdrawalReason: t.withdrawalReason,
      })),
    };
  }

  @Post('offers/:id/withdraw')
  @Roles('VENDOR')
  @ApiOperation({ summary: 'Rút hồ sơ chào / Withdraw an offer before the deadline' })
  @ApiOkResponse({ type: OfferView })
  withdraw(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView> {
    return this.competition.withdrawOffer(p, id);
  }

  @Put('offers/:id')
  @Roles('VENDOR')
  @ApiOperation({
    summary:
      'Thay hồ sơ chào / Replace an offer before the deadline (same rules as submitting: the solution must be LISTED now)',
  })
  @ApiOkResponse({ type: OfferView })
  replace(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitOfferDto,
  ): Promise<OfferView> {
    return this.competition.replaceOffer(p, id, dto);
  }

  @Get('offers/:id/payout-simulation')
  @Roles('VENDOR', 'BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Mô phỏng thanh toán / What each attainment level would pay, per round, in total and per KPI',
  })
  @ApiOkResponse({ type: PayoutLevelView, isArray: true })
  simulate(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SimulationQueryDto,
  ): Promise<PayoutLevelView[]> {
    return this.competition.simulate(p, id, simulationLevels(query));
  }

  @Post('calls/:id/payout-simulation')
  @HttpCode(200)
  @Roles('VENDOR', 'BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Mô phỏng thanh toán trước khi nộp / What offer terms not yet submitted would pay at each attainment level (the offer form’s simulator)',
  })
  @ApiOkResponse({ type: PayoutLevelView, isArray: true })
  previewPayout(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SimulationQueryDto,
    @Body() dto: PaymentTermsDto,
  ): Promise<PayoutLevelView[]> {
    return this.competition.previewPayout(id, dto, simulationLevels(query));
  }

  @Post('calls/:id/clarifications')
  @Roles('VENDOR')
  @ApiOperation({ summary: 'Hỏi làm rõ / Ask a clarification question during the call' })
  @ApiOkResponse({ type: ClarificationView })
  ask(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ClarificationQuestionDto,
  ): Promise<ClarificationView> {
    return this.competition.askClarification(p, id, dto.question);
  }

  @Post('calls/:id/clarifications/:clarificationId/answer')
  @Roles('BUYER')
  @ApiOperation({ summary: 'Trả lời công khai / Answer a clarification publicly' })
  @ApiOkResponse({ type: ClarificationView })
  answer(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('clarificationId', ParseUUIDPipe) clarificationId: string,
    @Body() dto: ClarificationAnswerDto,
  ): Promise<ClarificationView> {
    return this.competition.answerClarification(p, id, clarificationId, dto.answer);
  }

  @Get('calls/:id/clarifications')
  @Public()
  @ApiOperation({ summary: 'Hỏi đáp làm rõ / Answered clarifications (public; a vendor also sees its pending ones)' })
  @ApiOkResponse({ type: ClarificationView, isArray: true })
  clarifications(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal({ optional: true }) p?: Principal,
  ): Promise<ClarificationView[]> {
    return this.competition.clarifications(id, p);
  }
}
