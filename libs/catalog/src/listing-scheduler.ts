import { Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { CatalogFacade } from './catalog.facade';
import { CatalogModule } from './catalog.module';

/** Runs the listing lifecycle's scheduled transitions in the worker, one sweep at a time. */
@Injectable()
export class ListingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ListingScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly catalog: CatalogFacade,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => (this.running = undefined));
    }, this.config.SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<void> {
    try {
      const result = await this.catalog.sweep(this.config.CLOCK_OFFSET_SECONDS);
      if (Object.values(result).some((n) => n > 0)) this.logger.log(result, 'listing lifecycle sweep');
    } catch (error) {
      this.logger.warn({ err: error }, 'listing sweep failed; will retry');
    }
  }
}

@Module({ imports: [CatalogModule], providers: [ListingScheduler] })
export class CatalogWorkerModule {}
