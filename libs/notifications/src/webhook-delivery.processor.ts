import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { LoggedWorkerHost, workerOptions, type JobHandlers } from '@app/platform';
import { WEBHOOK_QUEUE, WebhookJobs, type WebhookJob } from './contracts/notifications';
import { WebhooksFacade } from './webhooks.facade';

/** Posts one delivery; a failed attempt throws, so the queue retries it with its backoff until the last attempt. */
@Processor(WEBHOOK_QUEUE, workerOptions())
export class WebhookDeliveryProcessor extends LoggedWorkerHost {
  static readonly handles: JobHandlers = { queue: WEBHOOK_QUEUE, names: Object.values(WebhookJobs) };

  constructor(private readonly webhooks: WebhooksFacade) {
    super();
  }

  async process(job: Job<WebhookJob>): Promise<void> {
    if (job.name !== WebhookJobs.deliver)
      throw new UnrecoverableError(`No handler for job ${job.name} on queue ${WEBHOOK_QUEUE}`);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.webhooks.deliver(job.data.deliveryId, lastAttempt);
    if (outcome && !outcome.delivered)
      throw new Error(`webhook delivery ${job.data.deliveryId} failed: ${outcome.statusCode ?? outcome.error}`);
  }
}
