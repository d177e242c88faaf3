import type { Job } from 'bullmq';
import { OutcomeEvents } from '@app/acceptance';
import { PrecheckEvents } from '@app/precheck';
import type { RankingFacade } from './ranking.facade';
import { ConflictRankingProcessor, RankingProcessor } from './ranking.processor';

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
    return {
      calls,
      ranking: ranking as unknown as RankingFacade,
      processor: new RankingProcessor(ranking as unknown as RankingFacade),
    };
  };
  const job = (name: string, data: object) => ({ name, data }) as Job<{ vendorOrganisationId?: string }>;

  it.each([OutcomeEvents.settled, OutcomeEvents.clawedBack, OutcomeEvents.disputeResolved])(
    '%s recomputes the vendor, then refreshes the dashboard',
    async (name) => {
      const { calls, processor } = setup();
      await processor.process(job(name, { orderId: 'O', vendorOrganisationId: 'V' }));
      expect(calls).toEqual([`recompute V ${name}`, `dashboard ${name}`]);
    },
  );

  it('a declared person–vendor link recomputes the vendor, then refreshes the dashboard', async () => {
    const { calls, ranking } = setup();
    const processor = new ConflictRankingProcessor(ranking);
    await processor.process(job(PrecheckEvents.conflictDeclared, { vendorOrganisationId: 'V' }));
    expect(calls).toEqual([
      `recompute V ${PrecheckEvents.conflictDeclared}`,
      `dashboard ${PrecheckEvents.conflictDeclared}`,
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
