import {
  ACCEPTANCE_NOTICES_QUEUE,
  AcceptanceJobs,
  AcceptanceNotices,
  ACCEPTANCE_QUEUE,
  AcceptanceProcessor,
  OUTCOME_EVENTS_QUEUE,
  OutcomeEvents,
} from '@app/acceptance';
import {
  COMPETITION_EVENTS_QUEUE,
  COMPETITION_QUEUE,
  CompetitionEvents,
  CompetitionJobs,
  CompetitionProcessor,
} from '@app/competition';
import { CATALOG_EVENTS_QUEUE, CatalogEvents } from '@app/catalog';
import {
  AcceptanceNoticesProcessor,
  ListingNoticesProcessor,
  NotificationsProcessor,
  WEBHOOK_QUEUE,
  WebhookDeliveryProcessor,
  WebhookJobs,
} from '@app/notifications';
import type { JobHandlers } from '@app/platform';
import { PRECHECK_EVENTS_QUEUE, PrecheckEvents } from '@app/precheck';
import {
  ConflictRankingProcessor,
  NightlyRankingProcessor,
  RANKING_QUEUE,
  RankingJobs,
  RankingProcessor,
} from '@app/ranking';

/** Every job name the system can enqueue, by queue. */
export const DECLARED_JOBS: JobHandlers[] = [
  { queue: ACCEPTANCE_QUEUE, names: Object.values(AcceptanceJobs) },
  { queue: OUTCOME_EVENTS_QUEUE, names: Object.values(OutcomeEvents) },
  { queue: RANKING_QUEUE, names: Object.values(RankingJobs) },
  { queue: COMPETITION_QUEUE, names: Object.values(CompetitionJobs) },
  { queue: COMPETITION_EVENTS_QUEUE, names: Object.values(CompetitionEvents) },
  { queue: CATALOG_EVENTS_QUEUE, names: Object.values(CatalogEvents) },
  { queue: PRECHECK_EVENTS_QUEUE, names: Object.values(PrecheckEvents) },
  { queue: WEBHOOK_QUEUE, names: Object.values(WebhookJobs) },
  { queue: ACCEPTANCE_NOTICES_QUEUE, names: Object.values(AcceptanceNotices) },
];

export const PROCESSORS = [
  AcceptanceProcessor,
  RankingProcessor,
  ConflictRankingProcessor,
  NightlyRankingProcessor,
  CompetitionProcessor,
  NotificationsProcessor,
  ListingNoticesProcessor,
  WebhookDeliveryProcessor,
  AcceptanceNoticesProcessor,
];

/** Boot check: each declared job has exactly one processor, and no processor claims an undeclared job. */
export function assertJobHandlers(declared: JobHandlers[], handlers: JobHandlers[]): void {
  const problems: string[] = [];
  const count = new Map<string, number>();
  for (const h of handlers)
    for (const name of h.names) count.set(`${h.queue}/${name}`, (count.get(`${h.queue}/${name}`) ?? 0) + 1);
  const declaredKeys = new Set(declared.flatMap((d) => d.names.map((name) => `${d.queue}/${name}`)));
  for (const key of declaredKeys) {
    const n = count.get(key) ?? 0;
    if (n !== 1) problems.push(`${key} has ${n} processors`);
  }
  for (const key of count.keys()) if (!declaredKeys.has(key)) problems.push(`${key} is handled but never declared`);
  if (problems.length > 0) throw new Error(`Job handler check failed:\n  ${problems.join('\n  ')}`);
}
