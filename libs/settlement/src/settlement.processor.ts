import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { RECORD_EVENTS_QUEUE, RecordEvents, type RoundJob } from '@app/acceptance';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { SettlementFacade } from './settlement.facade';

@Processor(RECORD_EVENTS_QUEUE, workerOptions())
export class SettlementProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: RECORD_EVENTS_QUEUE, names: Object.values(RecordEvents) };

  constructor(private readonly settlement: SettlementFacade) {
    super();
  }

  async process(job: Job<RoundJob>): Promise<void> {
    switch (job.name) {
      case RecordEvents.payable:
        return this.settlement.settle(job.data);
      case RecordEvents.restored:
        return this.settlement.restored(job.data);
      default:
        throw new UnrecoverableError(`No handler for job ${job.name} on queue ${RECORD_EVENTS_QUEUE}`);
    }
  }
}
