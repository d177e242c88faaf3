import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { PrecheckModule } from '@app/precheck';
import { RankingController } from './ranking.controller';
import { RankingFacade } from './ranking.facade';
import { RankingReads } from './ranking-reads';
import { TrustRecomputation } from './trust-recomputation';
import { DecideRecheck } from './use-cases/decide-recheck';
import { DeclareLink } from './use-cases/declare-link';
import { RecomputeAllTrust, RecomputeVendorTrust } from './use-cases/recompute-trust';
import { RefreshDashboard } from './use-cases/refresh-dashboard';
import {
  AgencyVendorLink,
  CurrentTrustScore,
  DashboardSummary,
  RecheckFlag,
  TrustInputs,
  TrustSnapshot,
} from './trust-snapshot.entity';

@Module({
  imports: [
    AuditModule,
    CatalogModule,
    IdentityModule,
    PrecheckModule,
    TypeOrmModule.forFeature([
      TrustSnapshot,
      TrustInputs,
      CurrentTrustScore,
      AgencyVendorLink,
      RecheckFlag,
      DashboardSummary,
    ]),
  ],
  controllers: [RankingController],
  providers: [
    RankingFacade,
    RankingReads,
    TrustRecomputation,
    RecomputeVendorTrust,
    RecomputeAllTrust,
    DeclareLink,
    DecideRecheck,
    RefreshDashboard,
  ],
  exports: [RankingFacade],
})
export class RankingModule {}
