import { Injectable } from '@nestjs/common';
import { AcceptanceFacade } from '@app/acceptance';
import { SettlementFacade } from '@app/settlement';
import { AppConfig, JobQueues, PeriodicTask } from '@app/platform';

const RELEASE_BATCH = 1000;

/**
 * Postgres is the source of truth: signed records whose dispute window passed become payable (database clock),
 * and work it says is pending is re-queued, so a Redis wipe only delays payments.
 */
@Injectable()
export class Sweeper extends PeriodicTask {
  constructor(
    private readonly acceptance: AcceptanceFacade,
    private readonly settlement: SettlementFacade,
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
  ) {
    super(config.SWEEP_INTERVAL_MS);
  }

  async run(): Promise<void> {
    let released = 0;
    let batch: number;
    do {
      batch = await this.acceptance.releaseDue(RELEASE_BATCH);
      released += batch;
    } while (batch === RELEASE_BATCH);
    if (released > 0) this.logger.log({ released }, 'dispute windows passed; settlements queued');
    const expired = await this.settlement.expireDue(RELEASE_BATCH);
    if (expired > 0) this.logger.log({ expired }, 'orders past their end date closed; escrow released');
    const jobs = await this.acceptance.pendingJobs(Math.ceil(this.config.SWEEP_INTERVAL_MS / 1000));
    if (jobs.length > 0) {
      await this.queues.addMany(jobs);
      this.logger.log({ jobs: jobs.length }, 'sweeper re-queued pending work');
    }
  }
}
