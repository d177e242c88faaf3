import {
  AcceptanceNoticesProcessor,
  ListingNoticesProcessor,
  NotificationsProcessor,
  PrecheckNoticesProcessor,
  WebhookDeliveryProcessor,
} from '@app/notifications';
import type { JobHandlers } from '@app/platform';
import { AcceptanceProcessor } from '@app/acceptance';
import { CompetitionProcessor } from '@app/competition';
import { ConflictRankingProcessor, RankingQueueProcessor, RankingProcessor } from '@app/ranking';
import { SettlementProcessor } from '@app/settlement';

export { DECLARED_JOBS } from '../../declared-jobs';

export const PROCESSORS = [
  AcceptanceProcessor,
  SettlementProcessor,
  RankingProcessor,
  ConflictRankingProcessor,
  RankingQueueProcessor,
  CompetitionProcessor,
  NotificationsProcessor,
  ListingNoticesProcessor,
  WebhookDeliveryProcessor,
  AcceptanceNoticesProcessor,
  PrecheckNoticesProcessor,
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
