import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { TRUST_LABELS } from '@app/catalog';
import { PageView } from '@app/platform';
import { RECHECK_DECISIONS, type RecheckDecision } from './trust-snapshot.entity';
import { DASHBOARD_ROW_SETS, MONEY_DIMENSIONS, type DashboardRowSet, type MoneyDimension } from './dashboard-reads';

export class RankingQueryDto {
  @ApiPropertyOptional({ description: "Category code; omitted = over all categories ('*')" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  category?: string;

  @ApiPropertyOptional({ enum: TRUST_LABELS })
  @IsOptional()
  @IsIn(TRUST_LABELS)
  label?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;
}

export class TrustLowerBoundQueryDto {
  @ApiProperty()
  @IsString()
  @Length(1, 100)
  category: string;
}

export class DeclareLinkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyOrganisationId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  vendorOrganisationId: string;

  @ApiProperty({ example: 'Giám đốc công ty là người thân của lãnh đạo Sở' })
  @IsString()
  @Length(3, 2000)
  reason: string;
}

export class LastOutcomeView {
  @ApiProperty() orderId: string;
  @ApiProperty() agencyOrganisationId: string;
  @ApiProperty({ description: 'share of the order’s money earned' }) x: number;
  @ApiProperty({ format: 'date-time' }) closedAt: string;
}

export class RankingEntryView {
  @ApiProperty() rank: number;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty() vendorName: string;
  @ApiProperty({ description: "'*' or a category code" }) scope: string;
  @ApiProperty({ description: 'Expected share of outcome money earned (E)' }) expected: number;
  @ApiProperty({ description: 'Conservative lower bound (L), the ranking key' }) lowerBound: number;
  @ApiProperty() effectiveEvidence: number;
  @ApiProperty() label: string;
  @ApiProperty({ example: 'Tốt' }) labelVi: string;
  @ApiProperty() isNew: boolean;
  @ApiProperty() orders: number;
  @ApiProperty({ type: LastOutcomeView, isArray: true }) lastOutcomes: LastOutcomeView[];
  @ApiProperty() explanationVi: string;
  @ApiProperty() explanationEn: string;
  @ApiProperty({ description: 'GET /city/rankings/snapshots/{id} shows its inputs' }) snapshotId: string;
  @ApiProperty({ format: 'date-time' }) computedAt: Date;
}

export class SnapshotSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() scope: string;
  @ApiProperty() expected: number;
  @ApiProperty() lowerBound: number;
  @ApiProperty() effectiveEvidence: number;
  @ApiProperty() label: string;
  @ApiProperty() isNew: boolean;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) computedAt: Date;
}

export class VendorTrustView {
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty() vendorName: string;
  @ApiProperty({ type: RankingEntryView, isArray: true }) current: RankingEntryView[];
  @ApiProperty({ type: SnapshotSummaryView, isArray: true }) history: SnapshotSummaryView[];
}

export class SnapshotView extends SnapshotSummaryView {
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty() alpha: number;
  @ApiProperty() beta: number;
  @ApiProperty() orders: number;
  @ApiProperty({ description: 'orders left out because the agency or the signing officer is linked to the vendor' })
  excluded: number;
  @ApiProperty({ description: 'μ0' }) priorMean: number;
  @ApiProperty() floor: number;
  @ApiProperty({
    description:
      'every parameter (μ0, m, z, half-life, category median, floor, now) and each counted order with x, value, close date and its weights, recomputed from the stored outcome set; excluded orders with the reason',
  })
  inputs: object;
  @ApiProperty({
    description: 'the stored outcome set: [orderId, agencyId, category, paid, max amount, closedAt, excluded]',
  })
  outcomeSet: object;
  @ApiProperty({ type: LastOutcomeView, isArray: true }) lastOutcomes: LastOutcomeView[];
  @ApiProperty() explanationVi: string;
  @ApiProperty() explanationEn: string;
}

export class TrustLowerBoundView {
  @ApiProperty() lowerBound: number;
  @ApiProperty() expected: number;
  @ApiProperty() isNew: boolean;
  @ApiProperty({ nullable: true, type: String }) snapshotId: string | null;
}

export class LinkView {
  @ApiProperty() id: string;
  @ApiProperty() agencyOrganisationId: string;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) declaredAt: Date;
}

export class RecheckFlagView {
  @ApiProperty() id: string;
  @ApiProperty() vendorOrganisationId: string;
  @ApiProperty() scope: string;
  @ApiProperty() snapshotId: string;
  @ApiProperty() lowerBound: number;
  @ApiProperty() effectiveEvidence: number;
  @ApiProperty() floor: number;
  @ApiProperty({ format: 'date-time' }) raisedAt: Date;
  @ApiPropertyOptional({ enum: RECHECK_DECISIONS, nullable: true, type: String }) decision: RecheckDecision | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decisionReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) decidedAt: Date | null;
}

export class RecheckDecisionDto {
  @ApiProperty({
    enum: RECHECK_DECISIONS,
    description: 'KEEP: giữ niêm yết / SUSPEND: đình chỉ đến suspendedUntil / DELIST: hủy niêm yết',
  })
  @IsIn(RECHECK_DECISIONS)
  decision: RecheckDecision;

  @ApiProperty({ minLength: 3, maxLength: 1000, example: 'Hai đơn hàng gần nhất không đạt KPI; cần tiền kiểm lại.' })
  @IsString()
  @Length(3, 1000)
  reason: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'required for SUSPEND, in the future' })
  @IsOptional()
  @IsISO8601({ strict: true })
  suspendedUntil?: string;
}

export class SeriesPointView {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() value: number;
}

export class TargetFigureView {
  @ApiProperty({ enum: ['vendors', 'trialOrders', 'solutionsPurchased', 'leverage'] }) key: string;
  @ApiProperty() labelVi: string;
  @ApiProperty() labelEn: string;
  @ApiProperty() target: number;
  @ApiProperty() actual: number;
  @ApiProperty() met: boolean;
  @ApiProperty({ type: SeriesPointView, isArray: true, description: 'cumulative by month' }) series: SeriesPointView[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'GET this path for the vendor, order or solution ids counted',
    example: '/city/dashboard/rows?set=trialOrders',
  })
  rows: string | null;
  @ApiPropertyOptional() noteVi?: string;
  @ApiPropertyOptional() noteEn?: string;
}

export class MoneyFigureView {
  @ApiProperty({ description: "'*', an agency id, a category code or a problem id" }) key: string;
  @ApiProperty({ example: '600000000' }) committed: string;
  @ApiProperty() paid: string;
  @ApiProperty() released: string;
  @ApiProperty() clawedBack: string;
  @ApiProperty({ example: '1.0000' }) shareByResults: string;
  @ApiProperty() orders: number;
  @ApiProperty({ description: 'GET this path for the order ids' }) rows: string;
}

export class MoneyView {
  @ApiProperty() total: MoneyFigureView;
  @ApiProperty({ type: MoneyFigureView, isArray: true }) byAgency: MoneyFigureView[];
  @ApiProperty({ type: MoneyFigureView, isArray: true }) byCategory: MoneyFigureView[];
  @ApiProperty({ type: MoneyFigureView, isArray: true }) byProblem: MoneyFigureView[];
}

export class DurationFigureView {
  @ApiProperty() count: number;
  @ApiProperty({ nullable: true, type: Number }) medianSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90Seconds: number | null;
  @ApiProperty({ description: 'GET this path for the order ids (orderId/roundNo for upload → payment)' }) rows: string;
}

export class DisputeStatusView {
  @ApiProperty({ example: 'UPHELD' }) status: string;
  @ApiProperty() count: number;
  @ApiProperty() rows: string;
}

export class DisputeFigureView {
  @ApiProperty() opened: number;
  @ApiProperty({ type: DisputeStatusView, isArray: true }) byStatus: DisputeStatusView[];
  @ApiProperty({ description: 'GET this path for the dispute ids' }) rows: string;
}

export class FlowView {
  @ApiProperty() uploadToPayment: DurationFigureView;
  @ApiProperty() callToOrder: DurationFigureView;
  @ApiProperty() disputes: DisputeFigureView;
}

export class DashboardRowsQueryDto {
  @ApiProperty({ enum: DASHBOARD_ROW_SETS }) @IsIn(DASHBOARD_ROW_SETS) set: DashboardRowSet;
  @ApiPropertyOptional({ enum: MONEY_DIMENSIONS, description: 'for set=money' })
  @IsOptional()
  @IsIn(MONEY_DIMENSIONS)
  dimension?: MoneyDimension;
  @ApiPropertyOptional({ description: "for set=money: '*', an agency id, a category code or a problem id" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  key?: string;
  @ApiPropertyOptional({ description: 'for set=disputes', example: 'OPEN' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  status?: string;
  @ApiPropertyOptional({ description: 'the last id of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  after?: string;
  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class DashboardRowsView {
  @ApiProperty({ type: String, isArray: true }) ids: string[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as after= for the next page' }) next: string | null;
}

export class CityDashboardView {
  @ApiProperty({ format: 'date-time' }) asOf: Date;
  @ApiProperty({ type: TargetFigureView, isArray: true }) targets: TargetFigureView[];
  @ApiProperty() money: MoneyView;
  @ApiProperty() flow: FlowView;
  @ApiProperty({ type: String, isArray: true }) notesVi: string[];
  @ApiProperty({ type: String, isArray: true }) notesEn: string[];
}

export class LinkPageView extends PageView(LinkView) {}

export class RecheckFlagPageView extends PageView(RecheckFlagView) {}
