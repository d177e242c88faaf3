import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@app/identity';
import {
  CityDashboardView,
  DashboardRowsQueryDto,
  DashboardRowsView,
  DeclareLinkDto,
  LinkPageView,
  LinkView,
  RankingEntryView,
  RankingQueryDto,
  RecheckDecisionDto,
  RecheckFlagPageView,
  RecheckFlagView,
  SnapshotView,
  TrustLowerBoundQueryDto,
  TrustLowerBoundView,
  VendorTrustView,
} from './ranking.dto';
import { RankingFacade } from './ranking.facade';
import { DEFAULT_PAGE_SIZE, PageQueryDto } from '@app/platform';

@ApiTags('ranking')
@ApiBearerAuth()
@Controller()
export class RankingController {
  constructor(private readonly ranking: RankingFacade) {}

  @Get('city/rankings')
  @Roles('CITY_VIEWER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Xếp hạng tín nhiệm nhà cung cấp / Supplier trust ranking by lower bound L' })
  @ApiOkResponse({ type: RankingEntryView, isArray: true })
  list(@Query() q: RankingQueryDto): Promise<RankingEntryView[]> {
    return this.ranking.rankings({ scope: q.category, label: q.label, limit: q.limit });
  }

  @Get('city/dashboard')
  @Roles('CITY_VIEWER', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Bảng điều hành: mục tiêu kế hoạch, dòng tiền, thời gian xử lý / City dashboard: plan targets, money, flow',
  })
  @ApiOkResponse({ type: CityDashboardView })
  dashboard(): Promise<CityDashboardView> {
    return this.ranking.dashboard();
  }

  @Get('city/dashboard/rows')
  @Roles('CITY_VIEWER', 'OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Các bản ghi tạo nên một số liệu của bảng điều hành / The rows behind a dashboard figure, by id cursor',
  })
  @ApiOkResponse({ type: DashboardRowsView })
  dashboardRows(@Query() q: DashboardRowsQueryDto): Promise<DashboardRowsView> {
    return this.ranking.dashboardRows(
      q.set,
      { dimension: q.dimension, key: q.key, status: q.status },
      q.after,
      q.limit,
    );
  }

  @Get('city/rankings/vendors/:vendorId')
  @Roles('CITY_VIEWER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Điểm tín nhiệm và lịch sử của một nhà cung cấp / A vendor’s trust scores and history' })
  @ApiOkResponse({ type: VendorTrustView })
  vendor(@Param('vendorId', ParseUUIDPipe) vendorId: string): Promise<VendorTrustView> {
    return this.ranking.vendor(vendorId);
  }

  @Get('city/rankings/vendors/:vendorId/lower-bound')
  @Roles('CITY_VIEWER', 'OPERATOR_ADMIN', 'BUYER')
  @ApiOperation({ summary: 'Cận dưới L dùng cho chấm điểm vòng 2 / The lower bound tier-2 scoring uses' })
  @ApiOkResponse({ type: TrustLowerBoundView })
  lowerBound(
    @Param('vendorId', ParseUUIDPipe) vendorId: string,
    @Query() q: TrustLowerBoundQueryDto,
  ): Promise<TrustLowerBoundView> {
    return this.ranking.trustLowerBound(vendorId, q.category);
  }

  @Get('city/rankings/snapshots/:id')
  @Roles('CITY_VIEWER', 'OPERATOR_ADMIN')
  @ApiOperation({ summary: 'Một lần tính điểm cùng dữ liệu đầu vào / One snapshot with its inputs' })
  @ApiOkResponse({ type: SnapshotView })
  snapshot(@Param('id', ParseUUIDPipe) id: string): Promise<SnapshotView> {
    return this.ranking.snapshot(id);
  }

  @Post('ranking/agency-vendor-links')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Khai báo cơ quan có liên hệ với nhà cung cấp (đơn hàng bị loại khỏi điểm) / Declare an agency–vendor link (its orders stop counting)',
  })
  @ApiOkResponse({ type: LinkView })
  declareLink(@CurrentPrincipal() p: Principal, @Body() dto: DeclareLinkDto): Promise<LinkView> {
    return this.ranking.declareLink(p, dto);
  }

  @Get('ranking/agency-vendor-links')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary: 'Quan hệ cơ quan – nhà cung cấp đã khai, mới nhất trước / Declared agency–vendor links, paged',
  })
  @ApiOkResponse({ type: LinkPageView })
  links(@Query() q: PageQueryDto): Promise<LinkPageView> {
    return this.ranking.links({ cursor: q.cursor, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Get('ranking/recheck-flags')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Nhà cung cấp cần tiền kiểm lại (L dưới ngưỡng) / Vendors whose listings need a re-check (L under the floor)',
  })
  @ApiOkResponse({ type: RecheckFlagPageView })
  flags(@Query() q: PageQueryDto): Promise<RecheckFlagPageView> {
    return this.ranking.openFlags({ cursor: q.cursor, limit: q.limit ?? DEFAULT_PAGE_SIZE });
  }

  @Post('ranking/recheck-flags/:id/decision')
  @Roles('OPERATOR_ADMIN')
  @ApiOperation({
    summary:
      'Quyết định xem xét lại: giữ, đình chỉ hoặc hủy niêm yết, kèm lý do / Decide a re-check: keep, suspend or delist, with a reason',
  })
  @ApiOkResponse({ type: RecheckFlagView })
  decide(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecheckDecisionDto,
  ): Promise<RecheckFlagView> {
    return this.ranking.decideRecheck(p, id, dto);
  }
}
