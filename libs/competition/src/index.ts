export { BakeOffFacade } from './bake-off.facade';
export { Call } from './call.entity';
export { Clarification } from './clarification.entity';
export { CompetitionWorkerModule } from './competition-worker.module';
export { AwardDto, PayoutLevelView, SimulationQueryDto, simulationLevels } from './competition.dto';
export { CompetitionFacade } from './competition.facade';
export { CompetitionModule } from './competition.module';
export { CompetitionProcessor } from './competition.processor';
export {
  COMPETITION_EVENTS_QUEUE,
  COMPETITION_QUEUE,
  CompetitionEvents,
  CompetitionJobs,
  TRUST_SOURCE,
} from './contracts/competition';
export type { BakeOffConcluded, BakeOffStarted, CallOpened, TrialOutcome, TrustSource } from './contracts/competition';
export { OfferScore } from './offer-score.entity';
export { offerPaymentTerms } from './offer-terms';
export { Offer } from './offer.entity';
export { payoutTable } from './payout-table';
export { PocTrial } from './poc-trial.entity';
export type { AwardedOffer } from './use-cases/award-call';
