import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Transactions, updateIfStatus } from '@app/platform';
import { offerLifecycle } from '../contracts/competition';
import { Offer } from '../offer.entity';
import { OfferSubmission } from '../offer-submission';

@Injectable()
export class WithdrawOffer {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly submission: OfferSubmission,
  ) {}

  /** Before the deadline a vendor may withdraw its offer… */
  execute({ principal, offerId }: { principal: Principal; offerId: string }): Promise<Offer> {
    return this.tx.run(async (tx) => {
      const offer = await this.submission.ownOpenOffer(tx, principal, offerId);
      const status = offerLifecycle.apply(offer.status, 'withdraw');
      await updateIfStatus(tx, Offer, offer.id, offer.status, { status });
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'offer',
        entityId: offer.id,
        action: 'withdrawn',
        before: { status: offer.status },
        after: { status },
      });
      return { ...offer, status };
    });
  }
}
