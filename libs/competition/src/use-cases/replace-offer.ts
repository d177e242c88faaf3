import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { Transactions, updateIfStatus } from '@app/platform';
import { SubmitOfferDto } from '../competition.dto';
import { offerLifecycle } from '../contracts/competition';
import { Offer } from '../offer.entity';
import { OfferSubmission } from '../offer-submission';

@Injectable()
export class ReplaceOffer {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly submission: OfferSubmission,
  ) {}

  /** …or replace it with a new one, atomically. */
  execute({
    principal,
    offerId,
    replacement: terms,
  }: {
    principal: Principal;
    offerId: string;
    replacement: SubmitOfferDto;
  }): Promise<Offer> {
    return this.tx.run(async (tx) => {
      const offer = await this.submission.ownOpenOffer(tx, principal, offerId);
      const status = offerLifecycle.apply(offer.status, 'replace');
      await updateIfStatus(tx, Offer, offer.id, offer.status, { status });
      const replacement = await this.submission.insert(tx, principal, offer.callId, terms);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'offer',
        entityId: offer.id,
        action: 'replaced',
        after: { by: replacement.id },
      });
      return replacement;
    });
  }
}
