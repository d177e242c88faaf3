import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import type { AuditActor, AuditEntry } from '@app/audit';
import { Clock } from '@app/kernel';
import { updateIfStatus } from '@app/platform';
import { Call } from '../call.entity';
import { offerLifecycle } from '../contracts/competition';
import { Offer } from '../offer.entity';
import { PocTrial } from '../poc-trial.entity';

@Injectable()
export class WithdrawFinalist {
  constructor(private readonly clock: Clock) {}

  /**
   * The finalist of a trial order cancelled unsigned withdraws: it is not awarded and leaves the comparison, keeping
   * the reason. Runs in the cancellation's transaction; returns the audit entries for the caller to record last.
   */
  async executeIn(
    tx: EntityManager,
    { actor, orderId, reason }: { actor: AuditActor; orderId: string; reason: string },
  ): Promise<AuditEntry[]> {
    const trial = await tx.findOneByOrFail(PocTrial, { orderId, withdrawnAt: IsNull() });
    await tx.findOne(Call, { where: { id: trial.callId }, lock: { mode: 'pessimistic_write' } });
    await tx.update(PocTrial, { id: trial.id }, { withdrawnAt: this.clock.now(), withdrawalReason: reason });
    const offer = await tx.findOneByOrFail(Offer, { id: trial.offerId });
    const offerStatus = offerLifecycle.apply(offer.status, 'decline');
    await updateIfStatus(tx, Offer, offer.id, offer.status, { status: offerStatus });
    return [
      {
        actor,
        entityType: 'offer',
        entityId: offer.id,
        action: 'withdrawn-from-bake-off',
        before: { status: offer.status },
        after: { status: offerStatus, callId: trial.callId, trialOrderId: orderId, reason },
      },
    ];
  }
}
