import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { OUTCOME_EVENTS_QUEUE, OutcomeEvents } from '@app/acceptance';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { NIGHTLY_PATTERN, NIGHTLY_TZ, RANKING_QUEUE, RankingJobs } from './contracts/ranking';
import { RankingFacade } from './ranking.facade';

const OUTCOME_EVENT_NAMES: readonly string[] = Object.values(OutcomeEvents);

/**
 * Every outcome event (settlement, clawback, dispute resolution) carries the vendor; recomputing writes a fresh
 * snapshot from the current outcomes and refreshes the city dashboard, so redelivery is harmless.
 */
@Processor(OUTCOME_EVENTS_QUEUE, workerOptions())
export class RankingProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: OUTCOME_EVENTS_QUEUE, names: OUTCOME_EVENT_NAMES };

  constructor(private readonly ranking: RankingFacade) {
    super();
  }

  async process(job: Job<{ vendorOrganisationId?: string }>): Promise<void> {
    const vendor = job.data.vendorOrganisationId;
    if (!OUTCOME_EVENT_NAMES.includes(job.name) || !vendor)
      throw new UnrecoverableError(`No handler for job ${job.name} on queue ${OUTCOME_EVENTS_QUEUE}`);
    await this.ranking.recompute(vendor, job.name);
    await this.ranking.refreshDashboard(job.name);
  }
}

@Processor(RANKING_QUEUE, workerOptions())
export class NightlyRankingProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: RANKING_QUEUE, names: Object.values(RankingJobs) };

  constructor(private readonly ranking: RankingFacade) {
    super();
  }

  async process(job: Job): Promise<void> {
    if (job.name !== RankingJobs.nightly)
      throw new UnrecoverableError(`No handler for job ${job.name} on queue ${RANKING_QUEUE}`);
    const vendors = await this.ranking.recomputeAll('nightly');
    await this.ranking.refreshDashboard('nightly');
    this.logger.log({ vendors }, 'nightly trust recomputation and dashboard refresh done');
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
