import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { OUTCOME_EVENTS_QUEUE, OutcomeEvents, type OutcomeSettled } from '@app/acceptance';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { RankingFacade } from './ranking.facade';

/** Recomputing is idempotent (a fresh snapshot from the current outcomes), so redelivery is harmless. */
@Processor(OUTCOME_EVENTS_QUEUE, workerOptions())
export class RankingProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: OUTCOME_EVENTS_QUEUE, names: Object.values(OutcomeEvents) };

  constructor(private readonly ranking: RankingFacade) {
    super();
  }

  async process(job: Job<OutcomeSettled>): Promise<void> {
    if (job.name !== OutcomeEvents.settled)
      throw new UnrecoverableError(`No handler for job ${job.name} on queue ${OUTCOME_EVENTS_QUEUE}`);
    await this.ranking.recompute(job.data.vendorOrganisationId);
  }
}
