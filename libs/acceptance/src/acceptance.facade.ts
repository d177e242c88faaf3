import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '@app/identity';
import { JobRequest, updateAllIfStatus } from '@app/platform';
import { AcceptanceRecord } from './acceptance-record.entity';
import { AcceptanceReads, type SettlementRecord } from './acceptance-reads';
import { type DisputeOutcome, type EvidenceFile, recordLifecycle, type RoundJob } from './contracts/acceptance';
import type { Dispute } from './dispute.entity';
import { ConfirmDelivery } from './use-cases/confirm-delivery';
import { EvaluateRound } from './use-cases/evaluate-round';
import { OpenDispute } from './use-cases/open-dispute';
import { Recheck } from './use-cases/recheck';
import { ReleaseDue } from './use-cases/release-due';
import { ResolveDispute } from './use-cases/resolve-dispute';
import { SignRecord } from './use-cases/sign-record';

export type { SettlementRecord } from './acceptance-reads';

/**
 * Acceptance's front door: its write operations are use cases, its pages read through AcceptanceReads; what
 * settlement does to records inside its own transaction takes its manager.
 */
@Injectable()
export class AcceptanceFacade {
  constructor(
    private readonly reads: AcceptanceReads,
    private readonly evaluateRound: EvaluateRound,
    private readonly signRecord: SignRecord,
    private readonly confirmDeliveryCase: ConfirmDelivery,
    private readonly releaseDueCase: ReleaseDue,
    private readonly openDispute: OpenDispute,
    private readonly recheckCase: Recheck,
    private readonly resolveDispute: ResolveDispute,
  ) {}

  evaluate(job: RoundJob): Promise<void> {
    return this.evaluateRound.execute(job);
  }

  sign(principal: Principal, orderId: string, roundNo: number, recordHash: string): Promise<AcceptanceRecord> {
    return this.signRecord.execute({ principal, orderId, roundNo, recordHash });
  }

  confirmDelivery(principal: Principal, orderId: string, note: string): Promise<AcceptanceRecord> {
    return this.confirmDeliveryCase.execute({ principal, orderId, note });
  }

  releaseDue(limit: number): Promise<number> {
    return this.releaseDueCase.execute({ limit });
  }

  dispute(
    principal: Principal,
    orderId: string,
    roundNo: number,
    { reason, evidence }: { reason: string; evidence: EvidenceFile[] },
  ): Promise<Dispute> {
    return this.openDispute.execute({ principal, orderId, roundNo, reason, evidence });
  }

  recheck(principal: Principal, orderId: string, roundNo: number, reason: string): Promise<Dispute> {
    return this.recheckCase.execute({ principal, orderId, roundNo, reason });
  }

  resolve(
    principal: Principal,
    orderId: string,
    disputeId: string,
    { note, outcome }: { note: string; outcome: DisputeOutcome },
  ): Promise<Dispute> {
    return this.resolveDispute.execute({ principal, orderId, disputeId, note, outcome });
  }

  disputes(principal: Principal, orderId: string): Promise<Dispute[]> {
    return this.reads.disputes(principal, orderId);
  }

  records(principal: Principal, orderId: string): Promise<AcceptanceRecord[]> {
    return this.reads.records(principal, orderId);
  }

  pendingJobs(olderThanSeconds: number): Promise<JobRequest[]> {
    return this.reads.pendingJobs(olderThanSeconds);
  }

  settlementRecords(tx: EntityManager, orderIds: string[]): Promise<SettlementRecord[]> {
    return this.reads.settlementRecords(tx, orderIds);
  }

  oldestPayableOrders(tx: EntityManager, orderId: string, window: number): Promise<string[]> {
    return this.reads.oldestPayableOrders(tx, orderId, window);
  }

  /** Settlement: these payable records are paid (PAYABLE → SETTLED). */
  async markSettled(tx: EntityManager, recordIds: string[]): Promise<void> {
    await updateAllIfStatus(tx, AcceptanceRecord, recordIds, 'PAYABLE', {
      status: recordLifecycle.apply('PAYABLE', 'settle'),
    });
  }
}
