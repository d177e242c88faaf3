import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { NEW_VENDOR_LABEL } from '@app/catalog';
import { IdentityFacade } from '@app/identity';
import { Clock, type Page } from '@app/kernel';
import { keysetPage, Transactions } from '@app/platform';
import { RankingErrors } from './contracts/ranking';
import { type CityDashboard } from './dashboard';
import { dashboardRows, type DashboardRowSet, type MoneyDimension } from './dashboard-reads';
import { outcomeStatistics } from './outcome-facts';
import { NEW_SUPPLIER_VI, TRUST_LABELS_VI } from './trust-score';
import {
  AgencyVendorLink,
  CurrentTrustScore,
  DashboardSummary,
  OVERALL,
  RecheckFlag,
  TrustInputs,
  TrustSnapshot,
  type LastOutcome,
} from './trust-snapshot.entity';
import { auditedInputs, explain, lastOutcomes, newVendorScore } from './vendor-scores';
import { RefreshDashboard } from './use-cases/refresh-dashboard';

const DEFAULT_RANKING_LIMIT = 100;

export interface RankingEntry {
  rank: number;
  vendorOrganisationId: string;
  vendorName: string;
  scope: string;
  expected: number;
  lowerBound: number;
  effectiveEvidence: number;
  label: string;
  labelVi: string;
  isNew: boolean;
  orders: number;
  lastOutcomes: LastOutcome[];
  explanationVi: string;
  explanationEn: string;
  snapshotId: string;
  computedAt: Date;
}

export interface RankingFilter {
  scope?: string;
  label?: string;
  limit?: number;
}

export interface TrustLowerBound {
  lowerBound: number;
  expected: number;
  isNew: boolean;
  /** null when the vendor has no outcome in the scope and gets the scope's prior */
  snapshotId: string | null;
}

/** What the ranking shows: rankings, a vendor's scores and snapshots, the dashboard, links and open re-checks. */
@Injectable()
export class RankingReads {
  constructor(
    private readonly tx: Transactions,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
    private readonly refresh: RefreshDashboard,
  ) {}

  /**
   * Tier-2 scoring reads this: the vendor's L in the category, or the category prior's L for a new vendor. Through
   * the given manager: scoring reads it inside the award's transaction, on that one connection.
   */
  async trustLowerBound(
    tx: EntityManager,
    vendorOrganisationId: string,
    categoryCode: string,
  ): Promise<TrustLowerBound> {
    const [current] = await tx.query<Array<{ lower_bound: number; expected: number; is_new: boolean; id: string }>>(
      `SELECT s.lower_bound, s.expected, s.is_new, s.id FROM ranking.current_scores c
       JOIN ranking.trust_snapshots s ON s.id = c.snapshot_id
       WHERE c.vendor_organisation_id = $1 AND c.scope = $2`,
      [vendorOrganisationId, categoryCode],
    );
    if (current)
      return {
        lowerBound: current.lower_bound,
        expected: current.expected,
        isNew: current.is_new,
        snapshotId: current.id,
      };
    const now = this.clock.now();
    const stats = await outcomeStatistics(tx, [categoryCode]);
    const score = newVendorScore(
      stats.find((s) => s.scope === categoryCode),
      now,
    );
    return { lowerBound: score.lowerBound, expected: score.expected, isNew: true, snapshotId: null };
  }

  /** Latest score per vendor in a scope (overall by default), ranked by the lower bound L; one page from the top. */
  async rankings(filter: RankingFilter = {}): Promise<RankingEntry[]> {
    const label = filter.label ?? null;
    return this.tx.run(async (tx) => {
      // the rank is over the whole scope, so a label filter applies to the ranked rows
      const rows = await tx.query<Array<{ snapshot_id: string; rank: string }>>(
        label === null
          ? `SELECT snapshot_id, row_number() OVER (ORDER BY lower_bound DESC, vendor_organisation_id) AS rank
             FROM (SELECT snapshot_id, lower_bound, vendor_organisation_id FROM ranking.current_scores WHERE scope = $1
                   ORDER BY lower_bound DESC, vendor_organisation_id LIMIT $2) top`
          : `WITH ranked AS (
               SELECT snapshot_id, is_new, label,
                      row_number() OVER (ORDER BY lower_bound DESC, vendor_organisation_id ASC) AS rank
               FROM ranking.current_scores WHERE scope = $1)
             SELECT snapshot_id, rank FROM ranked
             WHERE ($3 = $4 AND is_new) OR (NOT is_new AND label = $3)
             ORDER BY rank LIMIT $2`,
        label === null
          ? [filter.scope ?? OVERALL, filter.limit ?? DEFAULT_RANKING_LIMIT]
          : [filter.scope ?? OVERALL, filter.limit ?? DEFAULT_RANKING_LIMIT, label, NEW_VENDOR_LABEL],
      );
      const entries = await this.entries(
        tx,
        rows.map((r) => r.snapshot_id),
      );
      return rows.map((r, i) => ({ ...entries[i], rank: Number(r.rank) }));
    });
  }

  /** A vendor's current scores in every scope and its snapshot history (newest first). */
  async vendor(vendorOrganisationId: string, historyLimit = 50) {
    return this.tx.run(async (tx) => {
      const current = await tx.find(CurrentTrustScore, { where: { vendorOrganisationId }, order: { scope: 'ASC' } });
      const history = await tx.find(TrustSnapshot, {
        where: { vendorOrganisationId },
        order: { computedAt: 'DESC', id: 'DESC' },
        take: historyLimit,
        select: {
          id: true,
          scope: true,
          expected: true,
          lowerBound: true,
          effectiveEvidence: true,
          label: true,
          isNew: true,
          reason: true,
          computedAt: true,
        },
      });
      const entries = await this.entries(
        tx,
        current.map((c) => c.snapshotId),
      );
      const names = await this.identity.organisationNames([vendorOrganisationId]);
      return {
        vendorOrganisationId,
        vendorName: names.get(vendorOrganisationId) ?? '',
        current: entries.map((e) => ({ ...e, rank: 0 })),
        history,
      };
    });
  }

  /**
   * One snapshot with its inputs (the outcome set and every parameter) and the weights they give; with `ofVendor`,
   * only one of that vendor's (any other is not found).
   */
  async snapshot(id: string, ofVendor?: string) {
    return this.tx.run(async (tx) => {
      const found = await tx.findOneBy(TrustSnapshot, { id, ...(ofVendor && { vendorOrganisationId: ofVendor }) });
      if (!found) throw RankingErrors.SNAPSHOT_NOT_FOUND(undefined, { id });
      const inputs = await tx.findOneByOrFail(TrustInputs, { id: found.inputsId });
      const text = explanationOf(found);
      return {
        ...found,
        inputs: auditedInputs(
          inputs.outcomes,
          found.scope,
          {
            priorMean: found.priorMean,
            categoryOrders: found.categoryOrders,
            categoryMedianValue: found.categoryMedianValue,
            m: found.pseudoOrders,
            z: found.z,
            halfLifeMonths: found.halfLifeMonths,
            floor: found.floor,
          },
          found.computedAt,
        ),
        outcomeSet: { id: inputs.id, hash: inputs.hash, outcomes: inputs.outcomes },
        lastOutcomes: lastOutcomes(inputs.outcomes, found.scope),
        explanationVi: text.vi,
        explanationEn: text.en,
      };
    });
  }

  /** One page of the declared agency–vendor links, newest first. */
  async links(page: PageRequest): Promise<Page<AgencyVendorLink>> {
    return this.tx.run((tx) =>
      keysetPage(tx.createQueryBuilder(AgencyVendorLink, 'l'), {
        timeColumn: 'l.declared_at',
        timeOf: (l) => l.declaredAt,
        ...newestFirst(page),
      }),
    );
  }

  /**
   * The city dashboard as of its last refresh (shortly after outcome events, and nightly); the first read of a new
   * installation builds it. Every figure names the drill-down that lists its rows.
   */
  async dashboard(): Promise<CityDashboard & { asOf: Date }> {
    const latest = await this.tx.run((tx) => tx.find(DashboardSummary, { order: { computedAt: 'DESC' }, take: 1 }));
    const summary = latest[0] ?? (await this.refresh.execute({ reason: 'first-read' }));
    return { asOf: summary.computedAt, ...(summary.figures as CityDashboard) };
  }

  /** The ids a dashboard figure counts, one page after the cursor. */
  async dashboardRows(
    set: DashboardRowSet,
    filter: { dimension?: MoneyDimension; key?: string; status?: string },
    after = '',
    limit = 100,
  ): Promise<{ ids: string[]; next: string | null }> {
    const ids = await this.tx.run((tx) => dashboardRows(tx, set, filter, after, limit));
    return { ids, next: ids.length === limit ? ids[ids.length - 1] : null };
  }

  /** One page of the re-checks waiting for the operator's decision (lower bound under the floor), newest first. */
  async openFlags(page: PageRequest): Promise<Page<RecheckFlag>> {
    return this.tx.run((tx) =>
      keysetPage(tx.createQueryBuilder(RecheckFlag, 'f').where('f.resolved_at IS NULL AND f.decided_at IS NULL'), {
        timeColumn: 'f.raised_at',
        timeOf: (f) => f.raisedAt,
        ...newestFirst(page),
      }),
    );
  }

  /** Ranking entries of the given snapshots, in the same order, with names, last outcomes and explanations. */
  private async entries(tx: EntityManager, snapshotIds: string[]): Promise<RankingEntry[]> {
    if (snapshotIds.length === 0) return [];
    const snapshots = new Map((await tx.findBy(TrustSnapshot, { id: In(snapshotIds) })).map((s) => [s.id, s] as const));
    const inputIds = [...new Set([...snapshots.values()].map((s) => s.inputsId))];
    const inputs = new Map(
      (await tx.findBy(TrustInputs, { id: In(inputIds) })).map((i) => [i.id, i.outcomes] as const),
    );
    const names = await this.identity.organisationNames([
      ...new Set([...snapshots.values()].map((s) => s.vendorOrganisationId)),
    ]);
    return snapshotIds.map((id) => {
      const s = snapshots.get(id)!;
      const text = explanationOf(s);
      return {
        rank: 0,
        vendorOrganisationId: s.vendorOrganisationId,
        vendorName: names.get(s.vendorOrganisationId) ?? '',
        scope: s.scope,
        expected: s.expected,
        lowerBound: s.lowerBound,
        effectiveEvidence: s.effectiveEvidence,
        label: s.isNew ? NEW_VENDOR_LABEL : s.label,
        labelVi: s.isNew ? NEW_SUPPLIER_VI : TRUST_LABELS_VI[s.label],
        isNew: s.isNew,
        orders: s.orders,
        lastOutcomes: lastOutcomes(inputs.get(s.inputsId) ?? [], s.scope),
        explanationVi: text.vi,
        explanationEn: text.en,
        snapshotId: s.id,
        computedAt: s.computedAt,
      };
    });
  }
}

const explanationOf = (s: TrustSnapshot) => explain(s, s.priorMean, s.orders, s.excluded, s.categoryOrders);

export interface PageRequest {
  cursor?: string;
  limit: number;
}

function newestFirst(page: PageRequest) {
  return {
    direction: 'DESC' as const,
    cursor: page.cursor,
    limit: page.limit,
    invalidCursor: () => RankingErrors.INVALID_CURSOR(undefined, { cursor: page.cursor }),
  };
}
