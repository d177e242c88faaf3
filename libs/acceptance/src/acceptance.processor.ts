import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { AcceptanceFacade } from './acceptance.facade';
import { ACCEPTANCE_QUEUE, AcceptanceJobs, type RoundJob } from './contracts/acceptance';

@Processor(ACCEPTANCE_QUEUE, workerOptions())
export class AcceptanceProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: ACCEPTANCE_QUEUE, names: Object.values(AcceptanceJobs) };

  constructor(private readonly acceptance: AcceptanceFacade) {
    super();
  }

  async process(job: Job<RoundJob>): Promise<void> {
    switch (job.name) {
      case AcceptanceJobs.evaluateRound:
        return this.acceptance.evaluate(job.data);
      default:
        throw new UnrecoverableError(`No handler for job ${job.name} on queue ${ACCEPTANCE_QUEUE}`);
    }
  }
}
