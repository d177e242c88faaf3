import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { ProblemsModule } from '@app/problems';
import { BakeOffFacade } from './bake-off.facade';
import { Call } from './call.entity';
import { CompetitionController } from './competition.controller';
import { CompetitionFacade } from './competition.facade';
import { Clarification } from './clarification.entity';
import { Offer } from './offer.entity';
import { OfferScore } from './offer-score.entity';
import { PocTrial } from './poc-trial.entity';

@Module({
  imports: [
    AuditModule,
    CatalogModule,
    IdentityModule,
    ProblemsModule,
    TypeOrmModule.forFeature([Call, Offer, OfferScore, Clarification, PocTrial]),
  ],
  controllers: [CompetitionController],
  providers: [CompetitionFacade, BakeOffFacade],
  exports: [CompetitionFacade, BakeOffFacade],
})
export class CompetitionModule {}
