import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { IdentityFacade, type Principal, type VendorIdentity } from '@app/identity';
import { Clock, type Page } from '@app/kernel';
import { keysetPage } from '@app/platform';
import { ProblemsFacade } from '@app/problems';
import { Call } from './call.entity';
import { loadCall } from './call-lookup';
import { Clarification } from './clarification.entity';
import { PaymentTermsDto, PayoutLevelView } from './competition.dto';
import { CompetitionErrors, type CallStatus } from './contracts/competition';
import { Offer } from './offer.entity';
import { checkedPaymentTerms } from './offer-rules';
import { OfferScore } from './offer-score.entity';
import { offerPaymentTerms } from './offer-terms';
import { payoutTable } from './payout-table';

export interface CallListFilter {
  cursor?: string;
  limit: number;
  status?: CallStatus;
  problemId?: string;
  agencyOrganisationId?: string;
}

/** Calls, offers, scores and clarifications as their readers may see them; each read stands on its own. */
@Injectable()
export class CompetitionReads {
  constructor(
    private readonly problems: ProblemsFacade,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Offer) private readonly offers: Repository<Offer>,
  ) {}

  /** A call as its own read, outside any transaction. */
  call(id: string): Promise<Call> {
    return loadCall(this.calls.manager, id);
  }

  /** Sealed bids: before the deadline a vendor sees only its own offers, the buyer none. */
  /** Offers with their vendor's name and tax code: whom the buyer would be ordering from. */
  async listOffers(principal: Principal, callId: string): Promise<Array<Offer & VendorIdentity>> {
    const call = await this.call(callId);
    const isBuyerSide =
      principal.organisationType === 'OPERATOR' || principal.organisationId === call.agencyOrganisationId;
    if (isBuyerSide && call.deadline > this.clock.now()) throw CompetitionErrors.CALL_STILL_OPEN();
    const offers = await this.offers.find({
      where: isBuyerSide ? { callId } : { callId, vendorOrganisationId: principal.organisationId },
      order: { submittedAt: 'ASC' },
    });
    return this.identity.withVendors(offers);
  }

  /** Calls past their deadline that still wait for scoring (the worker's sweeper queues them). */
  async callsDueForEvaluation(): Promise<string[]> {
    const due = await this.calls
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where("c.status = 'OPEN' AND c.deadline <= :now", { now: this.clock.now() })
      .limit(500)
      .getRawMany<{ id: string }>();
    return due.map((d) => d.id);
  }

  /** Scores with their breakdown and inputs; public once the call is evaluated (the deadline has passed). */
  async scores(callId: string): Promise<OfferScore[]> {
    const call = await this.call(callId);
    if (call.status === 'OPEN') throw CompetitionErrors.CALL_STILL_OPEN();
    return this.calls.manager.find(OfferScore, { where: { callId }, order: { rank: 'ASC' } });
  }

  /** What the offer would pay at each attainment level (see payoutTable). */
  async simulate(principal: Principal, offerId: string, levels: number[]): Promise<PayoutLevelView[]> {
    const offer = await this.offers.findOneBy({ id: offerId });
    if (!offer) throw CompetitionErrors.OFFER_NOT_FOUND(undefined, { id: offerId });
    const call = await this.call(offer.callId);
    const buyerMaySee = principal.organisationId === call.agencyOrganisationId && call.deadline <= this.clock.now();
    if (
      principal.organisationId !== offer.vendorOrganisationId &&
      !buyerMaySee &&
      principal.organisationType !== 'OPERATOR'
    ) {
      throw CompetitionErrors.OFFER_NOT_FOUND(undefined, { id: offerId });
    }
    return payoutTable(offerPaymentTerms(offer, await this.problems.get(call.problemId, this.calls.manager)), levels);
  }

  /**
   * What offer terms not yet submitted would pay at each attainment level (the payout simulator of the offer form),
   * refused with the same codes as the submission itself.
   */
  async previewPayout(callId: string, dto: PaymentTermsDto, levels: number[]): Promise<PayoutLevelView[]> {
    const call = await this.call(callId);
    const problem = await this.problems.get(call.problemId, this.calls.manager);
    return payoutTable(offerPaymentTerms(checkedPaymentTerms(problem, call, dto), problem), levels);
  }

  /** Answered questions are public (without who asked); a vendor also sees its own pending ones. */
  async clarifications(callId: string, principal?: Principal): Promise<Clarification[]> {
    await this.call(callId);
    const all = await this.calls.manager.find(Clarification, { where: { callId }, order: { askedAt: 'ASC' } });
    return all
      .filter(
        (c) =>
          c.answer !== null ||
          c.askedByOrganisationId === principal?.organisationId ||
          principal?.organisationType === 'OPERATOR',
      )
      .map((c) => ({
        ...c,
        askedByOrganisationId: c.askedByOrganisationId === principal?.organisationId ? c.askedByOrganisationId : '',
      }));
  }

  listCalls(filter: CallListFilter): Promise<Page<Call>> {
    const query = this.calls.createQueryBuilder('c');
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.problemId) query.andWhere('c.problemId = :problemId', { problemId: filter.problemId });
    if (filter.agencyOrganisationId)
      query.andWhere('c.agencyOrganisationId = :agency', { agency: filter.agencyOrganisationId });
    return keysetPage(query, {
      timeColumn: 'c.opened_at',
      timeOf: (c) => c.openedAt,
      direction: 'DESC',
      cursor: filter.cursor,
      limit: filter.limit,
      invalidCursor: () => CompetitionErrors.INVALID_CURSOR(undefined, { cursor: filter.cursor }),
    });
  }
}
