import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { PrecheckModule } from '@app/precheck';
import { RankingController } from './ranking.controller';
import { RankingFacade } from './ranking.facade';
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
  providers: [RankingFacade],
  exports: [RankingFacade],
})
export class RankingModule {}
