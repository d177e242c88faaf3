import type { Job } from 'bullmq';
import { OutcomeEvents } from '@app/acceptance';
import type { JobQueues, JobRequest } from '@app/platform';
import { PrecheckEvents } from '@app/precheck';
import { RANKING_QUEUE, RankingJobs } from './contracts/ranking';
import type { RankingFacade } from './ranking.facade';
import { ConflictRankingProcessor, RankingProcessor, RankingQueueProcessor } from './ranking.processor';

describe('RankingProcessor', () => {
  const setup = () => {
    const calls: string[] = [];
    const ranking = {
      recompute: jest.fn((vendor: string, reason: string) => {
        calls.push(`recompute ${vendor} ${reason}`);
        return Promise.resolve([]);
      }),
      refreshDashboard: jest.fn((reason: string) => {
        calls.push(`dashboard ${reason}`);
        return Promise.resolve();
      }),
    };
    const queued: JobRequest[] = [];
    const queues = {
      add: jest.fn((request: JobRequest<{ reason: string }>) => {
        queued.push(request);
        calls.push(`queue ${request.name} ${request.payload.reason}`);
        return Promise.resolve();
      }),
    } as unknown as JobQueues;
    return {
      calls,
      queued,
      queues,
      ranking: ranking as unknown as RankingFacade,
      processor: new RankingProcessor(ranking as unknown as RankingFacade, queues),
    };
  };
  const job = (name: string, data: object) => ({ name, data }) as Job<{ vendorOrganisationId?: string }>;

  it.each([OutcomeEvents.settled, OutcomeEvents.clawedBack, OutcomeEvents.disputeResolved])(
    '%s recomputes the vendor, then asks for one coalesced dashboard refresh',
    async (name) => {
      const { calls, queued, processor } = setup();
      await processor.process(job(name, { orderId: 'O', vendorOrganisationId: 'V' }));
      await processor.process(job(name, { orderId: 'O2', vendorOrganisationId: 'V' }));
      expect(calls.slice(0, 2)).toEqual([`recompute V ${name}`, `queue ${RankingJobs.refreshDashboard} ${name}`]);
      expect(queued.map((q) => q.queue)).toEqual([RANKING_QUEUE, RANKING_QUEUE]);
      // two requests share the coalescing key, under distinct ids (a finished job's id would swallow a later one)
      expect(queued[0].coalesceKey).toBe(queued[1].coalesceKey);
      expect(queued[0].id).not.toBe(queued[1].id);
    },
  );

  it('the ranking queue refreshes the dashboard for the reason it was asked', async () => {
    const { calls, ranking } = setup();
    await new RankingQueueProcessor(ranking).process(
      job(RankingJobs.refreshDashboard, { reason: OutcomeEvents.settled }) as Job<{ reason?: string }>,
    );
    expect(calls).toEqual([`dashboard ${OutcomeEvents.settled}`]);
  });

  it('a declared person–vendor link recomputes the vendor, then asks for a dashboard refresh', async () => {
    const { calls, ranking, queues } = setup();
    const processor = new ConflictRankingProcessor(ranking, queues);
    await processor.process(job(PrecheckEvents.conflictDeclared, { vendorOrganisationId: 'V' }));
    expect(calls).toEqual([
      `recompute V ${PrecheckEvents.conflictDeclared}`,
      `queue ${RankingJobs.refreshDashboard} ${PrecheckEvents.conflictDeclared}`,
    ]);
    await expect(processor.process(job(OutcomeEvents.settled, { vendorOrganisationId: 'V' }))).rejects.toMatchObject({
      name: 'UnrecoverableError',
    });
  });

  it('refuses an unknown event or one without a vendor, without retrying', async () => {
    const { calls, processor } = setup();
    await expect(processor.process(job('outcome-renamed', { vendorOrganisationId: 'V' }))).rejects.toMatchObject({
      name: 'UnrecoverableError',
    });
    await expect(processor.process(job(OutcomeEvents.clawedBack, { orderId: 'O' }))).rejects.toMatchObject({
      name: 'UnrecoverableError',
    });
    expect(calls).toEqual([]);
  });
});
