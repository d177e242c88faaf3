import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import { DEFAULT_PAGE_SIZE } from '@app/platform';
import {
  ReferencedAmountDto,
  AwardOrderDto,
  BudgetView,
  CancelOrderDto,
  NameValidatorDto,
  OrderListQueryDto,
  OrderPageView,
  OrderSummaryView,
  OrderView,
  orderView,
  SignOrderDto,
} from './ordering.dto';
import { OrderingFacade } from './ordering.facade';

@ApiTags('ordering')
@ApiBearerAuth()
@Controller()
export class OrderingController {
  constructor(private readonly ordering: OrderingFacade) {}

  @Post('budgets/:agencyId/allocations')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Cấp ngân sách cho cơ quan / Allocate appropriated budget to an agency (idempotent per reference)',
  })
  @ApiOkResponse({ type: BudgetView })
  async allocate(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Body() dto: ReferencedAmountDto,
  ): Promise<BudgetView> {
    const available = await this.ordering.allocateBudget(p, agencyId, BigInt(dto.amount), dto.reference);
    return { agencyOrganisationId: agencyId, available: available.toString() };
  }

  @Get('budgets/:agencyId')
  @Roles('BUYER', 'OPERATOR_ADMIN', 'CITY_VIEWER')
  @ApiOperation({ summary: 'Ngân sách khả dụng / Available agency budget' })
  @ApiOkResponse({ type: BudgetView })
  async budget(
    @CurrentPrincipal() p: Principal,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
  ): Promise<BudgetView> {
    return { agencyOrganisationId: agencyId, available: (await this.ordering.budget(p, agencyId)).toString() };
  }

  @Post('calls/:id/award')
  @Roles('BUYER')
  @ApiOperation({
    summary: 'Trao thầu và lập dự thảo đơn hàng / Award an offer; creates the draft order from its terms',
    description:
      'The offer’s solution must be LISTED now (409 COMPETITION.SOLUTION_NOT_LISTED otherwise: award another offer); ' +
      'an offer other than the best ranked one needs a public justification.',
  })
  @ApiOkResponse({ type: OrderSummaryView })
  async award(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) callId: string,
    @Body() dto: AwardOrderDto,
  ): Promise<OrderSummaryView> {
    return this.ordering.award(p, callId, dto);
  }

  @Get('orders')
  @Roles('BUYER', 'VENDOR', 'ACCEPTANCE_OFFICER', 'OPERATOR_ADMIN', 'CITY_VIEWER', 'FUNDER')
  @ApiOperation({
    summary:
      'Đơn đặt hàng, mới nhất trước, phân trang / Orders of my organisation, newest first, paged by cursor ' +
      '(operators and city: all; co-funders: drafts and those they co-fund)',
  })
  @ApiOkResponse({ type: OrderPageView })
  async list(@CurrentPrincipal() p: Principal, @Query() q: OrderListQueryDto): Promise<OrderPageView> {
    return this.ordering.list(p, { ...q, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Get('orders/:id')
  @Roles('BUYER', 'VENDOR', 'ACCEPTANCE_OFFICER', 'OPERATOR_ADMIN', 'CITY_VIEWER', 'FUNDER')
  @ApiOperation({ summary: 'Chi tiết đơn hàng / An order with its terms, signatures and escrow balance' })
  @ApiOkResponse({ type: OrderView })
  async get(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<OrderView> {
    return orderView(await this.ordering.get(p, id));
  }

  @Post('orders/:id/signatures')
  @Roles('BUYER', 'VENDOR')
  @ApiOperation({ summary: 'Ký đơn hàng / Sign the order’s terms hash; the last signature funds the escrow' })
  @ApiOkResponse({ type: OrderView })
  async sign(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SignOrderDto,
  ): Promise<OrderView> {
    return orderView(await this.ordering.sign(p, id, dto.termsHash));
  }

  @Put('orders/:id/validator')
  @Roles('BUYER')
  @ApiOperation({
    summary:
      'Chỉ định tổ chức nghiệm thu độc lập / The ordering agency names the order’s independent validator (VALIDATOR) while it is a draft; the terms hash changes, so parties sign the terms naming it',
  })
  @ApiOkResponse({ type: OrderView })
  async nameValidator(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NameValidatorDto,
  ): Promise<OrderView> {
    await this.ordering.nameValidator(p, id, dto.validatorOrganisationId);
    return orderView(await this.ordering.get(p, id));
  }

  @Post('orders/:id/cancellation')
  @Roles('BUYER', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Hủy đơn hàng chưa ký / Cancel a draft (unsigned) order with a reason: no money moves, it can no longer be signed; a bake-off trial order’s finalist withdraws',
  })
  @ApiOkResponse({ type: OrderView })
  async cancel(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelOrderDto,
  ): Promise<OrderView> {
    await this.ordering.cancel(p, id, dto.reason);
    return orderView(await this.ordering.get(p, id));
  }
}
