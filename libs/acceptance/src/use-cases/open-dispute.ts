import { Injectable } from '@nestjs/common';
import { assertVisible, type OrderCommand, OrderingFacade } from '@app/ordering';
import { Transactions } from '@app/platform';
import { AcceptanceErrors, type EvidenceFile, recordLifecycle } from '../contracts/acceptance';
import type { Dispute } from '../dispute.entity';
import { DisputeOpening } from '../dispute-opening';
import { RoundRecords } from '../round-records';

@Injectable()
export class OpenDispute {
  constructor(
    private readonly tx: Transactions,
    private readonly ordering: OrderingFacade,
    private readonly rounds: RoundRecords,
    private readonly disputes: DisputeOpening,
  ) {}

  /** The vendor disputes a signed record inside its window; the round's settlement is frozen until resolved. */
  execute({
    principal,
    orderId,
    roundNo,
    reason,
    evidence,
  }: OrderCommand & { roundNo: number; reason: string; evidence: EvidenceFile[] }): Promise<Dispute> {
    return this.tx.run(async (tx) => {
      const order = await this.ordering.lock(tx, orderId);
      assertVisible(principal, order);
      if (
        !principal.userId ||
        !principal.roles.includes('VENDOR') ||
        principal.organisationId !== order.vendorOrganisationId
      )
        throw AcceptanceErrors.NOT_VENDOR_OF_ORDER();
      const record = await this.rounds.current(tx, orderId, roundNo);
      const frozen = await tx.query<Array<{ id: string }>>(
        `WITH frozen AS (
           UPDATE acceptance.records SET status = $2
           WHERE id = $1 AND status = 'SIGNED' AND dispute_deadline > now() RETURNING id)
         SELECT id FROM frozen`,
        [record.id, recordLifecycle.next('SIGNED', 'dispute')],
      );
      if (frozen.length === 0)
        throw AcceptanceErrors.DISPUTE_WINDOW_CLOSED(undefined, {
          status: record.status,
          disputeDeadline: record.disputeDeadline,
        });
      return this.disputes.open(tx, principal, order, record, 'VENDOR', { reason, evidence });
    });
  }
}
