import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditActor, AuditEntry } from '@app/audit';
import type { Principal } from '@app/identity';
import { BakeOffReads, type BakeOffComparison } from './bake-off-reads';
import type { TrialOutcome } from './contracts/competition';
import { ConcludeBakeOff } from './use-cases/conclude-bake-off';
import { StartBakeOff, type BakeOffStart } from './use-cases/start-bake-off';
import { WithdrawFinalist } from './use-cases/withdraw-finalist';

export type { BakeOffComparison } from './bake-off-reads';
export type { BakeOffFinalist, BakeOffStart } from './use-cases/start-bake-off';

/**
 * The POC bake-off (PRODUCT.md, tier 2): the top finalists each run a small trial order; once all are post-checked
 * the finalist that measurably earned the most per đồng of trial budget is proposed for award, the others are
 * eliminated with the data. A finalist whose trial order is cancelled unsigned withdraws and is not compared.
 * Orders themselves are the ordering module's: it calls in here, never the reverse, and each step runs in the
 * transaction of the order change that causes it.
 */
@Injectable()
export class BakeOffFacade {
  constructor(
    private readonly reads: BakeOffReads,
    private readonly startCase: StartBakeOff,
    private readonly withdrawFinalistCase: WithdrawFinalist,
    private readonly concludeCase: ConcludeBakeOff,
  ) {}

  start(tx: EntityManager, principal: Principal, callId: string, signWithinDays: number): Promise<BakeOffStart> {
    return this.startCase.executeIn(tx, { principal, callId, signWithinDays });
  }

  withdrawFinalist(tx: EntityManager, actor: AuditActor, orderId: string, reason: string): Promise<AuditEntry[]> {
    return this.withdrawFinalistCase.executeIn(tx, { actor, orderId, reason });
  }

  conclude(tx: EntityManager, callId: string, outcomes: TrialOutcome[]): Promise<boolean> {
    return this.concludeCase.executeIn(tx, { callId, outcomes });
  }

  callsInTrial(): Promise<string[]> {
    return this.reads.callsInTrial();
  }

  trialOrderIds(callId: string, tx: EntityManager): Promise<string[]> {
    return this.reads.trialOrderIds(callId, tx);
  }

  pastSignBy(offsetSeconds: number): Promise<string[]> {
    return this.reads.pastSignBy(offsetSeconds);
  }

  comparison(callId: string, principal?: Principal): Promise<BakeOffComparison> {
    return this.reads.comparison(callId, principal);
  }
}
