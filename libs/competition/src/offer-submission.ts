import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditFacade } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { actorOf, IdentityErrors, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { ProblemsFacade } from '@app/problems';
import { loadCall } from './call-lookup';
import { SubmitOfferDto } from './competition.dto';
import { CompetitionErrors } from './contracts/competition';
import { Offer } from './offer.entity';
import { assertSolutionListed, checkedPaymentTerms } from './offer-rules';

/** What submitting, replacing and withdrawing an offer share, inside the caller's transaction. */
@Injectable()
export class OfferSubmission {
  constructor(
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly problems: ProblemsFacade,
    private readonly clock: Clock,
  ) {}

  /** A new offer on a call still open, its solution eligible and LISTED, its terms as the problem allows. */
  async insert(tx: EntityManager, principal: Principal, callId: string, dto: SubmitOfferDto): Promise<Offer> {
    const call = await loadCall(tx, callId);
    if (call.status !== 'OPEN' || call.deadline <= this.clock.now()) throw CompetitionErrors.CALL_CLOSED();
    if (!call.eligibleSolutionIds.includes(dto.solutionId)) {
      throw CompetitionErrors.SOLUTION_NOT_ELIGIBLE(undefined, { solutionId: dto.solutionId });
    }
    const solution = await this.catalog.getSolution(dto.solutionId, tx);
    if (solution.vendorOrganisationId !== principal.organisationId) throw IdentityErrors.FORBIDDEN_ORGANISATION();
    await assertSolutionListed(this.catalog, tx, dto.solutionId);
    const live = await tx.findOneBy(Offer, { callId, solutionId: dto.solutionId, status: 'SUBMITTED' });
    if (live) throw CompetitionErrors.OFFER_ALREADY_LIVE(undefined, { offerId: live.id, solutionId: dto.solutionId });
    const problem = await this.problems.get(call.problemId, tx);
    const offer = tx.create(Offer, {
      id: newId(),
      callId,
      solutionId: dto.solutionId,
      vendorOrganisationId: principal.organisationId,
      status: 'SUBMITTED',
      ...checkedPaymentTerms(problem, call, dto),
      durationDays: dto.durationDays,
      acceptsPocElimination: dto.acceptsPocElimination ?? true,
    });
    await tx.insert(Offer, offer);
    await this.audit.record(tx, {
      actor: actorOf(principal),
      entityType: 'offer',
      entityId: offer.id,
      action: 'submitted',
      after: { callId, solutionId: dto.solutionId },
    });
    return offer;
  }

  /** The principal's own offer, while its call still takes offers. */
  async ownOpenOffer(tx: EntityManager, principal: Principal, offerId: string): Promise<Offer> {
    const offer = await tx.findOneBy(Offer, { id: offerId });
    if (!offer) throw CompetitionErrors.OFFER_NOT_FOUND(undefined, { id: offerId });
    if (offer.vendorOrganisationId !== principal.organisationId) throw CompetitionErrors.NOT_OFFER_OWNER();
    const call = await loadCall(tx, offer.callId);
    if (call.status !== 'OPEN' || call.deadline <= this.clock.now()) throw CompetitionErrors.CALL_CLOSED();
    return offer;
  }
}
