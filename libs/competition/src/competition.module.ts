import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { ProblemsModule } from '@app/problems';
import { BakeOffFacade } from './bake-off.facade';
import { BakeOffReads } from './bake-off-reads';
import { Call } from './call.entity';
import { CompetitionController } from './competition.controller';
import { CallScoring } from './call-scoring';
import { CompetitionFacade } from './competition.facade';
import { CompetitionReads } from './competition-reads';
import { Clarification } from './clarification.entity';
import { Offer } from './offer.entity';
import { OfferScore } from './offer-score.entity';
import { OfferSubmission } from './offer-submission';
import { PocTrial } from './poc-trial.entity';
import { AwardCall } from './use-cases/award-call';
import { AnswerClarification, AskClarification } from './use-cases/clarify-call';
import { ConcludeBakeOff } from './use-cases/conclude-bake-off';
import { EvaluateCall } from './use-cases/evaluate-call';
import { OpenCall } from './use-cases/open-call';
import { ReplaceOffer } from './use-cases/replace-offer';
import { StartBakeOff } from './use-cases/start-bake-off';
import { SubmitOffer } from './use-cases/submit-offer';
import { WithdrawFinalist } from './use-cases/withdraw-finalist';
import { WithdrawOffer } from './use-cases/withdraw-offer';

@Module({
  imports: [
    AuditModule,
    CatalogModule,
    IdentityModule,
    ProblemsModule,
    TypeOrmModule.forFeature([Call, Offer, OfferScore, Clarification, PocTrial]),
  ],
  controllers: [CompetitionController],
  providers: [
    CompetitionFacade,
    CompetitionReads,
    CallScoring,
    OfferSubmission,
    OpenCall,
    SubmitOffer,
    WithdrawOffer,
    ReplaceOffer,
    EvaluateCall,
    AwardCall,
    AskClarification,
    AnswerClarification,
    BakeOffFacade,
    BakeOffReads,
    StartBakeOff,
    WithdrawFinalist,
    ConcludeBakeOff,
  ],
  exports: [CompetitionFacade, BakeOffFacade],
})
export class CompetitionModule {}
