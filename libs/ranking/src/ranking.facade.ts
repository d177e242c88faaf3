import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@app/identity';
import type { Page } from '@app/kernel';
import { Transactions } from '@app/platform';
import type { CityDashboard } from './dashboard';
import type { DashboardRowSet, MoneyDimension } from './dashboard-reads';
import {
  RankingReads,
  type PageRequest,
  type RankingEntry,
  type RankingFilter,
  type TrustLowerBound,
} from './ranking-reads';
import type { AgencyVendorLink, DashboardSummary, RecheckDecision, RecheckFlag } from './trust-snapshot.entity';
import { DecideRecheck } from './use-cases/decide-recheck';
import { DeclareLink } from './use-cases/declare-link';
import { RecomputeAllTrust, RecomputeVendorTrust } from './use-cases/recompute-trust';
import { RefreshDashboard } from './use-cases/refresh-dashboard';
import type { ScopeScore } from './vendor-scores';

export type { RankingEntry, RankingFilter, TrustLowerBound } from './ranking-reads';

/** The ranking's front door: its write operations are use cases, its pages read through RankingReads. */
@Injectable()
export class RankingFacade {
  constructor(
    private readonly tx: Transactions,
    private readonly reads: RankingReads,
    private readonly recomputeVendor: RecomputeVendorTrust,
    private readonly recomputeEveryone: RecomputeAllTrust,
    private readonly declareLinkCase: DeclareLink,
    private readonly decideRecheckCase: DecideRecheck,
    private readonly refreshDashboardCase: RefreshDashboard,
  ) {}

  recompute(vendorOrganisationId: string, reason: string): Promise<ScopeScore[]> {
    return this.recomputeVendor.execute({ vendorOrganisationId, reason });
  }

  recomputeAll(reason: string): Promise<number> {
    return this.recomputeEveryone.execute({ reason });
  }

  declareLink(
    principal: Principal,
    dto: { agencyOrganisationId: string; vendorOrganisationId: string; reason: string },
  ): Promise<AgencyVendorLink> {
    return this.declareLinkCase.execute({ principal, ...dto });
  }

  decideRecheck(
    principal: Principal,
    flagId: string,
    dto: { decision: RecheckDecision; reason: string; suspendedUntil?: string },
  ): Promise<RecheckFlag> {
    return this.decideRecheckCase.execute({ principal, flagId, ...dto });
  }

  refreshDashboard(reason: string): Promise<DashboardSummary> {
    return this.refreshDashboardCase.execute({ reason });
  }

  trustLowerBound(vendorOrganisationId: string, categoryCode: string): Promise<TrustLowerBound> {
    return this.tx.run((tx) => this.reads.trustLowerBound(tx, vendorOrganisationId, categoryCode));
  }

  /** The same, inside the caller's transaction (a second connection there could wait forever for a full pool). */
  trustLowerBoundIn(tx: EntityManager, vendorOrganisationId: string, categoryCode: string): Promise<TrustLowerBound> {
    return this.reads.trustLowerBound(tx, vendorOrganisationId, categoryCode);
  }

  rankings(filter: RankingFilter = {}): Promise<RankingEntry[]> {
    return this.reads.rankings(filter);
  }

  vendor(vendorOrganisationId: string, historyLimit?: number) {
    return this.reads.vendor(vendorOrganisationId, historyLimit);
  }

  snapshot(id: string, ofVendor?: string) {
    return this.reads.snapshot(id, ofVendor);
  }

  links(page: PageRequest): Promise<Page<AgencyVendorLink>> {
    return this.reads.links(page);
  }

  dashboard(): Promise<CityDashboard & { asOf: Date }> {
    return this.reads.dashboard();
  }

  dashboardRows(
    set: DashboardRowSet,
    filter: { dimension?: MoneyDimension; key?: string; status?: string },
    after?: string,
    limit?: number,
  ): Promise<{ ids: string[]; next: string | null }> {
    return this.reads.dashboardRows(set, filter, after, limit);
  }

  openFlags(page: PageRequest): Promise<Page<RecheckFlag>> {
    return this.reads.openFlags(page);
  }
}
