export { RANKING_QUEUE, RankingJobs } from './contracts/ranking';
export type { OutcomeRow } from './dashboard-reads';
export type { RankingEntry } from './ranking-reads';
export { RankingWorkerModule } from './ranking-worker.module';
export { RankingEntryView } from './ranking.dto';
export { RankingFacade } from './ranking.facade';
export { RankingModule } from './ranking.module';
export { ConflictRankingProcessor, RankingQueueProcessor, RankingProcessor } from './ranking.processor';
export {
  AgencyVendorLink,
  CurrentTrustScore,
  DashboardSummary,
  OVERALL,
  RecheckFlag,
  TrustInputs,
  TrustSnapshot,
} from './trust-snapshot.entity';
export { TrustSourceModule } from './trust-source.module';
export { outcomeX } from './vendor-scores';
export type { OutcomeStatistics } from './vendor-scores';
