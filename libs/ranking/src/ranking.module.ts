import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { RankingController } from './ranking.controller';
import { RankingFacade } from './ranking.facade';
import {
  AgencyVendorLink,
  CategoryStatistics,
  CurrentTrustScore,
  RecheckFlag,
  TrustSnapshot,
} from './trust-snapshot.entity';

@Module({
  imports: [
    AuditModule,
    IdentityModule,
    TypeOrmModule.forFeature([TrustSnapshot, CurrentTrustScore, AgencyVendorLink, RecheckFlag, CategoryStatistics]),
  ],
  controllers: [RankingController],
  providers: [RankingFacade],
  exports: [RankingFacade],
})
export class RankingModule {}
