import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { newId } from '@app/kernel';
import type { Order } from '@app/ordering';
import { Outbox } from '@app/platform';
import type { AcceptanceRecord } from './acceptance-record.entity';
import type { DisputeKind, EvidenceFile } from './contracts/acceptance';
import { AcceptanceNotices, acceptanceNotice } from './contracts/notices';
import { Dispute } from './dispute.entity';

/** A vendor's dispute and an operator's re-check open a dispute alike, once the caller has frozen the record. */
@Injectable()
export class DisputeOpening {
  constructor(
    private readonly audit: AuditFacade,
    private readonly outbox: Outbox,
  ) {}

  async open(
    tx: EntityManager,
    principal: Principal,
    order: Order,
    record: AcceptanceRecord,
    kind: DisputeKind,
    input: { reason: string; evidence: EvidenceFile[] },
  ): Promise<Dispute> {
    const dispute = tx.create(Dispute, {
      id: newId(),
      recordId: record.id,
      orderId: record.orderId,
      roundNo: record.roundNo,
      status: 'OPEN',
      kind,
      reason: input.reason,
      evidence: input.evidence,
      recordHash: record.recordHash,
      openedByUserId: principal.userId,
      resolutionNote: null,
      resolvedByUserId: null,
      resolvedAt: null,
      correctionRecordId: null,
    });
    await tx.insert(Dispute, dispute);
    await this.outbox.enqueue(
      tx,
      acceptanceNotice(AcceptanceNotices.disputeOpened, order, dispute.id, {
        roundNo: record.roundNo,
        disputeId: dispute.id,
      }),
    );
    await this.audit.record(tx, {
      actor: actorOf(principal),
      entityType: 'dispute',
      entityId: dispute.id,
      action: 'opened',
      after: {
        kind,
        recordId: record.id,
        recordHash: record.recordHash,
        reason: input.reason,
        evidence: input.evidence,
      },
    });
    return tx.findOneByOrFail(Dispute, { id: dispute.id });
  }
}
