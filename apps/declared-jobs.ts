import {
  ACCEPTANCE_NOTICES_QUEUE,
  AcceptanceJobs,
  AcceptanceNotices,
  ACCEPTANCE_QUEUE,
  OUTCOME_EVENTS_QUEUE,
  OutcomeEvents,
  RECORD_EVENTS_QUEUE,
  RecordEvents,
} from '@app/acceptance';
import { CATALOG_EVENTS_QUEUE, CatalogEvents } from '@app/catalog';
import { COMPETITION_EVENTS_QUEUE, COMPETITION_QUEUE, CompetitionEvents, CompetitionJobs } from '@app/competition';
import { WEBHOOK_QUEUE, WebhookJobs } from '@app/notifications';
import type { JobHandlers } from '@app/platform';
import { PRECHECK_EVENTS_QUEUE, PRECHECK_NOTICES_QUEUE, PrecheckEvents, PrecheckNotices } from '@app/precheck';
import { RANKING_QUEUE, RankingJobs } from '@app/ranking';

/**
 * Every job name the system can enqueue, by queue: the worker checks it has a processor for each, the API's queue
 * board shows each queue.
 */
export const DECLARED_JOBS: JobHandlers[] = [
  { queue: ACCEPTANCE_QUEUE, names: Object.values(AcceptanceJobs) },
  { queue: RECORD_EVENTS_QUEUE, names: Object.values(RecordEvents) },
  { queue: OUTCOME_EVENTS_QUEUE, names: Object.values(OutcomeEvents) },
  { queue: RANKING_QUEUE, names: Object.values(RankingJobs) },
  { queue: COMPETITION_QUEUE, names: Object.values(CompetitionJobs) },
  { queue: COMPETITION_EVENTS_QUEUE, names: Object.values(CompetitionEvents) },
  { queue: CATALOG_EVENTS_QUEUE, names: Object.values(CatalogEvents) },
  { queue: PRECHECK_EVENTS_QUEUE, names: Object.values(PrecheckEvents) },
  { queue: WEBHOOK_QUEUE, names: Object.values(WebhookJobs) },
  { queue: ACCEPTANCE_NOTICES_QUEUE, names: Object.values(AcceptanceNotices) },
  { queue: PRECHECK_NOTICES_QUEUE, names: Object.values(PrecheckNotices) },
];
