import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { CompetitionFacade } from './competition.facade';
import { COMPETITION_QUEUE, CompetitionJobs, type CallJob } from './contracts/competition';

@Processor(COMPETITION_QUEUE, workerOptions())
export class CompetitionProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: COMPETITION_QUEUE, names: Object.values(CompetitionJobs) };

  constructor(private readonly competition: CompetitionFacade) {
    super();
  }

  async process(job: Job<CallJob>): Promise<void> {
    if (job.name !== CompetitionJobs.evaluateCall) {
      throw new UnrecoverableError(`No handler for job ${job.name} on queue ${COMPETITION_QUEUE}`);
    }
    await this.competition.evaluate(job.data.callId);
  }
}
