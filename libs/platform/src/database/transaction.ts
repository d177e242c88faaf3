import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { wroteOutbox } from '../outbox/outbox-wake';
import { JobQueues } from '../queue/job-queues';

/** A use case's single database transaction; the manager is passed down explicitly. */
@Injectable()
export class Transactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
  ) {}

  /**
   * Runs `work` in a transaction. One that queued work is announced to the relays once committed, so a job waits
   * for neither the relay's poll interval nor NOTIFY (whose global lock would serialise commits); a lost
   * announcement only leaves the rows to the next poll.
   */
  async run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    let announce = false;
    const result = await this.dataSource.transaction(async (tx) => {
      const value = await work(tx);
      announce = wroteOutbox(tx);
      return value;
    });
    if (announce) this.queues.announceOutbox();
    return result;
  }
}
