import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { AwardDto, CompetitionFacade } from '@app/competition';
import { actorOf, IdentityFacade, type Principal } from '@app/identity';
import { Clock, newId, validatePaymentTerms } from '@app/kernel';
import { Transactions } from '@app/platform';
import { OrderingErrors } from '../contracts/ordering';
import { newDraftOrder } from '../draft-terms';
import { Order } from '../order.entity';
import { buildTerms, DEFAULT_DISPUTE_WINDOW_SECONDS, paymentTermsOf, withValidator } from '../order-terms';

export type AwardOrderCommand = AwardDto & {
  principal: Principal;
  callId: string;
  disputeWindowSeconds?: number;
  validatorOrganisationId?: string;
};

@Injectable()
export class AwardOrder {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly competition: CompetitionFacade,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
  ) {}

  /** Award and the draft order from the offer's terms happen in one transaction. */
  async execute({
    principal,
    callId,
    disputeWindowSeconds = DEFAULT_DISPUTE_WINDOW_SECONDS,
    validatorOrganisationId,
    ...dto
  }: AwardOrderCommand): Promise<Order> {
    if (validatorOrganisationId) await this.identity.requireOrganisationType(validatorOrganisationId, 'VALIDATOR');
    return this.tx.run(async (tx) => {
      const awarded = await this.competition.award(tx, principal, callId, dto);
      const id = newId();
      const terms = withValidator(
        buildTerms(id, awarded, this.clock.now(), disputeWindowSeconds),
        validatorOrganisationId ?? null,
      );
      const problems = validatePaymentTerms(paymentTermsOf(terms));
      if (problems.length > 0) throw OrderingErrors.INVALID_TERMS(undefined, { problems });
      const order = newDraftOrder(tx, { id, callId, terms });
      await tx.insert(Order, order);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'order',
        entityId: id,
        action: 'drafted',
        after: { callId, termsHash: order.termsHash },
      });
      return order;
    });
  }
}
