import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AcceptanceModule } from '@app/acceptance';
import { IdentityModule } from '@app/identity';
import { RankingController } from './ranking.controller';
import { RankingFacade } from './ranking.facade';
import { TrustSnapshot } from './trust-snapshot.entity';

@Module({
  imports: [AcceptanceModule, IdentityModule, TypeOrmModule.forFeature([TrustSnapshot])],
  controllers: [RankingController],
  providers: [RankingFacade],
  exports: [RankingFacade],
})
export class RankingModule {}
