import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { OUTCOME_EVENTS_QUEUE, OutcomeEvents } from '@app/acceptance';
import { PRECHECK_EVENTS_QUEUE, PrecheckEvents } from '@app/precheck';
import { newId } from '@app/kernel';
import { jobId, JobQueues, LoggedWorkerHost, workerOptions, type JobHandlers, type JobRequest } from '@app/platform';
import { NIGHTLY_PATTERN, NIGHTLY_TZ, RANKING_QUEUE, RankingJobs } from './contracts/ranking';
import { RankingFacade } from './ranking.facade';

/**
 * How long a requested dashboard refresh waits, standing for every outcome event meanwhile: the figures are recomputed
 * from the whole city's data each time, so under a steady stream of settlements back-to-back refreshes would keep a
 * database connection busy for good, at a cost that grows with the city's data. The dashboard lags by this at most
 * (plus one refresh).
 */
const DASHBOARD_REFRESH_DELAY_MS = 2_000;

/**
 * A dashboard refresh: refreshes requested while one waits are one, so a burst of outcome events costs one or two
 * refreshes instead of one each (the figures are recomputed from the whole city's data every time).
 */
export const dashboardRefreshJob = (reason: string): JobRequest<{ reason: string }> => ({
  queue: RANKING_QUEUE,
  name: RankingJobs.refreshDashboard,
  id: jobId(RankingJobs.refreshDashboard, newId()),
  payload: { reason },
  coalesceKey: RankingJobs.refreshDashboard,
});

/**
 * A vendor's trust changes on the events it handles (`handles`), each naming the vendor; recomputing writes a fresh
 * snapshot from the current outcomes and links and asks for a refresh of the city dashboard, so redelivery is
 * harmless.
 */
@Injectable()
abstract class VendorEventsProcessor extends LoggedWorkerHost {
  abstract readonly events: JobHandlers;

  constructor(
    private readonly ranking: RankingFacade,
    private readonly queues: JobQueues,
  ) {
    super();
  }

  async process(job: Job<{ vendorOrganisationId?: string }>): Promise<void> {
    const vendor = job.data.vendorOrganisationId;
    if (!this.events.names.includes(job.name) || !vendor)
      throw new UnrecoverableError(`No handler for job ${job.name} on queue ${this.events.queue}`);
    await this.ranking.recompute(vendor, job.name);
    await this.queues.add(dashboardRefreshJob(job.name), { delayMs: DASHBOARD_REFRESH_DELAY_MS });
  }
}

/** Outcome events: a settlement, a clawback, a dispute resolution. */
@Processor(OUTCOME_EVENTS_QUEUE, workerOptions())
export class RankingProcessor extends VendorEventsProcessor {
  static readonly handles: JobHandlers = { queue: OUTCOME_EVENTS_QUEUE, names: Object.values(OutcomeEvents) };
  readonly events = RankingProcessor.handles;
}

/** A person declared linked to a vendor: the vendor's trust leaves out what that person signed from now on. */
@Processor(PRECHECK_EVENTS_QUEUE, workerOptions())
export class ConflictRankingProcessor extends VendorEventsProcessor {
  static readonly handles: JobHandlers = { queue: PRECHECK_EVENTS_QUEUE, names: Object.values(PrecheckEvents) };
  readonly events = ConflictRankingProcessor.handles;
}

@Processor(RANKING_QUEUE, workerOptions())
export class RankingQueueProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: RANKING_QUEUE, names: Object.values(RankingJobs) };

  constructor(private readonly ranking: RankingFacade) {
    super();
  }

  async process(job: Job<{ reason?: string }>): Promise<void> {
    switch (job.name) {
      case RankingJobs.nightly: {
        const vendors = await this.ranking.recomputeAll('nightly');
        await this.ranking.refreshDashboard('nightly');
        this.logger.log({ vendors }, 'nightly trust recomputation and dashboard refresh done');
        return;
      }
      case RankingJobs.refreshDashboard:
        await this.ranking.refreshDashboard(job.data.reason ?? job.name);
        return;
      default:
        throw new UnrecoverableError(`No handler for job ${job.name} on queue ${RANKING_QUEUE}`);
    }
  }
}

/** Registers the repeatable nightly job; upserting the same scheduler id is idempotent across worker restarts. */
@Injectable()
export class NightlyRankingSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(RANKING_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RankingJobs.nightly,
      { pattern: NIGHTLY_PATTERN, tz: NIGHTLY_TZ },
      { name: RankingJobs.nightly, data: {} },
    );
  }
}
