import { Injectable, Module } from '@nestjs/common';
import { AppConfig, PeriodicTask } from '@app/platform';
import { PrecheckFacade } from './precheck.facade';
import { PrecheckModule } from './precheck.module';

/** In the worker: assigns submissions that were waiting for assessors, and fills or rebalances capacity slots. */
@Injectable()
export class PrecheckScheduler extends PeriodicTask {
  constructor(
    private readonly precheck: PrecheckFacade,
    private readonly config: AppConfig,
  ) {
    super(config.SWEEP_INTERVAL_MS);
  }

  async run(): Promise<void> {
    const assigned = await this.precheck.assignPending();
    const moved = await this.precheck.rebalanceCapacity(this.config.CLOCK_OFFSET_SECONDS);
    if (assigned > 0 || moved > 0) this.logger.log({ assigned, moved }, 'pre-check sweep');
  }
}

@Module({ imports: [PrecheckModule], providers: [PrecheckScheduler] })
export class PrecheckWorkerModule {}
