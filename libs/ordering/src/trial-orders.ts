import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { type AuditEntry, AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { BakeOffFacade } from '@app/competition';
import { actorOf, type Principal } from '@app/identity';
import { Clock, validatePaymentTerms } from '@app/kernel';
import { Transactions } from '@app/platform';
import { NOT_SIGNED_IN_TIME, OrderingErrors } from './contracts/ordering';
import { Order } from './order.entity';
import { newDraftOrder } from './draft-terms';
import { buildTerms, DEFAULT_DISPUTE_WINDOW_SECONDS, paymentTermsOf } from './order-terms';
import { OrderingFacade } from './ordering.facade';
import { DEFAULT_SIGN_WITHIN_DAYS, DEFAULT_TRIAL_DAYS, type StartBakeOffDto } from './trial-orders.dto';

/**
 * The ordering side of a POC bake-off: each finalist gets a draft trial order with its offer's KPIs and payment
 * model, capped at the call's trial budget and measured in one round. From there it is an order like any other:
 * both parties sign, signing reserves the budget, acceptance settles and closes it. One still unsigned at the
 * bake-off's sign-by date is cancelled, which withdraws its finalist.
 */
@Injectable()
export class TrialOrders {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly bakeOffs: BakeOffFacade,
    private readonly ordering: OrderingFacade,
    private readonly clock: Clock,
    @InjectRepository(Order) private readonly orders: Repository<Order>,
  ) {}

  async start(principal: Principal, callId: string, dto: StartBakeOffDto): Promise<Order[]> {
    const trialDays = dto.trialDays ?? DEFAULT_TRIAL_DAYS;
    const disputeWindowSeconds = dto.disputeWindowSeconds ?? DEFAULT_DISPUTE_WINDOW_SECONDS;
    const signWithinDays = dto.signWithinDays ?? DEFAULT_SIGN_WITHIN_DAYS;
    return this.tx.run(async (tx) => {
      const { call, problem, finalists } = await this.bakeOffs.start(tx, principal, callId, signWithinDays);
      const startsAt = this.clock.now();
      const orders = finalists.map(({ offer, trialOrderId, minimumSamples }) => {
        const trialOffer = {
          ...offer,
          price: call.pocTrialBudget!,
          durationDays: trialDays,
          rounds: 1,
          roundSharesBp: [10_000],
        };
        const terms = buildTerms(
          trialOrderId,
          { call, offer: trialOffer, problem, minimumSamples },
          startsAt,
          disputeWindowSeconds,
        );
        const problems = validatePaymentTerms(paymentTermsOf(terms));
        if (problems.length > 0) throw OrderingErrors.INVALID_TERMS(undefined, { offerId: offer.id, problems });
        return newDraftOrder(tx, { id: trialOrderId, callId, terms, trial: true });
      });
      await tx.insert(Order, orders);
      const entries: AuditEntry[] = orders.map((order) => ({
        actor: actorOf(principal),
        entityType: 'order',
        entityId: order.id,
        action: 'drafted',
        after: { callId, trial: true, offerId: order.terms.offerId, termsHash: order.termsHash },
      }));
      await this.audit.record(tx, ...entries);
      return orders;
    });
  }

  /**
   * Cancels, as the system, the trial orders still unsigned past their bake-off's sign-by date (database clock,
   * shifted by the test-only `offsetSeconds`), one transaction each; returns how many were cancelled.
   */
  async cancelUnsigned(offsetSeconds: number): Promise<number> {
    const due = await this.bakeOffs.pastSignBy(offsetSeconds);
    if (due.length === 0) return 0;
    // signed trial orders stay due until their bake-off concludes: leave them unlocked
    const drafts = await this.orders.find({ where: { id: In(due), status: 'DRAFT' }, select: { id: true } });
    let cancelled = 0;
    for (const { id } of drafts) {
      const done = await this.tx.run(async (tx) => {
        const order = await this.ordering.lock(tx, id);
        if (order.status !== 'DRAFT') return false;
        await this.ordering.cancelDraft(tx, SYSTEM_ACTOR, order, NOT_SIGNED_IN_TIME);
        return true;
      });
      if (done) cancelled++;
    }
    return cancelled;
  }

  /** Locks the given trial orders (id order), so concluding a bake-off never races their settlement. */
  lockAll(tx: EntityManager, orderIds: string[]): Promise<Order[]> {
    return tx.find(Order, {
      where: { id: In(orderIds), trial: true },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }
}
