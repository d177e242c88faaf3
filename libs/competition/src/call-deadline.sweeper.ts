import { Injectable } from '@nestjs/common';
import { AppConfig, jobId, JobQueues, PeriodicTask } from '@app/platform';
import { CompetitionFacade } from './competition.facade';
import { COMPETITION_QUEUE, CompetitionJobs } from './contracts/competition';

/** The scheduled side of the deadline: every call past it is queued for scoring (job ids collapse repeats). */
@Injectable()
export class CallDeadlineSweeper extends PeriodicTask {
  constructor(
    private readonly competition: CompetitionFacade,
    private readonly queues: JobQueues,
    config: AppConfig,
  ) {
    super(config.SWEEP_INTERVAL_MS);
  }

  async run(): Promise<void> {
    const due = await this.competition.callsDueForEvaluation();
    await this.queues.addMany(
      due.map((callId) => ({
        queue: COMPETITION_QUEUE,
        name: CompetitionJobs.evaluateCall,
        id: jobId(CompetitionJobs.evaluateCall, callId),
        payload: { callId },
      })),
    );
  }
}
