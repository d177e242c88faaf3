import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal, VendorIdentity } from '@app/identity';
import type { Page } from '@app/kernel';
import type { Call } from './call.entity';
import { loadCall } from './call-lookup';
import { CallScoring } from './call-scoring';
import type { Clarification } from './clarification.entity';
import type { AwardDto, OpenCallDto, PaymentTermsDto, PayoutLevelView, SubmitOfferDto } from './competition.dto';
import { CompetitionReads, type CallListFilter } from './competition-reads';
import type { Offer } from './offer.entity';
import type { OfferScore } from './offer-score.entity';
import { AwardCall, type AwardedOffer } from './use-cases/award-call';
import { AnswerClarification, AskClarification } from './use-cases/clarify-call';
import { EvaluateCall } from './use-cases/evaluate-call';
import { OpenCall } from './use-cases/open-call';
import { ReplaceOffer } from './use-cases/replace-offer';
import { SubmitOffer } from './use-cases/submit-offer';
import { WithdrawOffer } from './use-cases/withdraw-offer';

export type { CallListFilter } from './competition-reads';
export type { AwardedOffer } from './use-cases/award-call';

/** The competition's front door: calls, offers, scoring and award are use cases; pages read through CompetitionReads. */
@Injectable()
export class CompetitionFacade {
  constructor(
    private readonly reads: CompetitionReads,
    private readonly scoring: CallScoring,
    private readonly openCallCase: OpenCall,
    private readonly submitOfferCase: SubmitOffer,
    private readonly withdrawOfferCase: WithdrawOffer,
    private readonly replaceOfferCase: ReplaceOffer,
    private readonly evaluateCallCase: EvaluateCall,
    private readonly awardCallCase: AwardCall,
    private readonly askClarificationCase: AskClarification,
    private readonly answerClarificationCase: AnswerClarification,
  ) {}

  openCall(principal: Principal, dto: OpenCallDto): Promise<Call> {
    return this.openCallCase.execute({ principal, ...dto });
  }

  submitOffer(principal: Principal, callId: string, dto: SubmitOfferDto): Promise<Offer> {
    return this.submitOfferCase.execute({ principal, callId, offer: dto });
  }

  withdrawOffer(principal: Principal, offerId: string): Promise<Offer> {
    return this.withdrawOfferCase.execute({ principal, offerId });
  }

  replaceOffer(principal: Principal, offerId: string, dto: SubmitOfferDto): Promise<Offer> {
    return this.replaceOfferCase.execute({ principal, offerId, replacement: dto });
  }

  evaluate(callId: string): Promise<void> {
    return this.evaluateCallCase.execute({ callId });
  }

  /** Scores the call inside the caller's transaction if its deadline has passed and it is not scored yet. */
  evaluateDue(tx: EntityManager, callId: string): Promise<void> {
    return this.scoring.scoreIfDue(tx, callId);
  }

  /** Runs inside the caller's transaction (the ordering module creates the draft order in the same one). */
  award(tx: EntityManager, principal: Principal, callId: string, dto: AwardDto): Promise<AwardedOffer> {
    return this.awardCallCase.executeIn(tx, { principal, callId, ...dto });
  }

  askClarification(principal: Principal, callId: string, question: string): Promise<Clarification> {
    return this.askClarificationCase.execute({ principal, callId, question });
  }

  answerClarification(
    principal: Principal,
    callId: string,
    clarificationId: string,
    answer: string,
  ): Promise<Clarification> {
    return this.answerClarificationCase.execute({ principal, callId, clarificationId, answer });
  }

  listOffers(principal: Principal, callId: string): Promise<Array<Offer & VendorIdentity>> {
    return this.reads.listOffers(principal, callId);
  }

  callsDueForEvaluation(): Promise<string[]> {
    return this.reads.callsDueForEvaluation();
  }

  scores(callId: string): Promise<OfferScore[]> {
    return this.reads.scores(callId);
  }

  simulate(principal: Principal, offerId: string, levels: number[]): Promise<PayoutLevelView[]> {
    return this.reads.simulate(principal, offerId, levels);
  }

  previewPayout(callId: string, dto: PaymentTermsDto, levels: number[]): Promise<PayoutLevelView[]> {
    return this.reads.previewPayout(callId, dto, levels);
  }

  clarifications(callId: string, principal?: Principal): Promise<Clarification[]> {
    return this.reads.clarifications(callId, principal);
  }

  call(id: string): Promise<Call> {
    return this.reads.call(id);
  }

  getCall(id: string, tx: EntityManager): Promise<Call> {
    return loadCall(tx, id);
  }

  listCalls(filter: CallListFilter): Promise<Page<Call>> {
    return this.reads.listCalls(filter);
  }
}
