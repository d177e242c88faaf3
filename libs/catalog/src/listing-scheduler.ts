import { Injectable, Module } from '@nestjs/common';
import { AppConfig, PeriodicTask } from '@app/platform';
import { CatalogFacade } from './catalog.facade';
import { CatalogModule } from './catalog.module';

/** Runs the listing lifecycle's scheduled transitions in the worker, one sweep at a time. */
@Injectable()
export class ListingScheduler extends PeriodicTask {
  constructor(
    private readonly catalog: CatalogFacade,
    private readonly config: AppConfig,
  ) {
    super(config.SWEEP_INTERVAL_MS);
  }

  async run(): Promise<void> {
    const result = await this.catalog.sweep(this.config.CLOCK_OFFSET_SECONDS);
    if (Object.values(result).some((n) => n > 0)) this.logger.log(result, 'listing lifecycle sweep');
  }
}

@Module({ imports: [CatalogModule], providers: [ListingScheduler] })
export class CatalogWorkerModule {}
