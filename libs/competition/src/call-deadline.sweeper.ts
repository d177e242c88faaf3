import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, jobId, JobQueues } from '@app/platform';
import { CompetitionFacade } from './competition.facade';
import { COMPETITION_QUEUE, CompetitionJobs } from './contracts/competition';

/** The scheduled side of the deadline: every call past it is queued for scoring (job ids collapse repeats). */
@Injectable()
export class CallDeadlineSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CallDeadlineSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly competition: CompetitionFacade,
    private readonly queues: JobQueues,
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

  private async sweep(): Promise<void> {
    try {
      const due = await this.competition.callsDueForEvaluation();
      await this.queues.addMany(
        due.map((callId) => ({
          queue: COMPETITION_QUEUE,
          name: CompetitionJobs.evaluateCall,
          id: jobId(CompetitionJobs.evaluateCall, callId),
          payload: { callId },
        })),
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'call deadline sweep failed; will retry');
    }
  }
}
