import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf, IdentityErrors, type Principal } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import { loadCall } from '../call-lookup';
import { Clarification } from '../clarification.entity';
import { CompetitionErrors } from '../contracts/competition';

/** A vendor asks a question about an open call. */
@Injectable()
export class AskClarification {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly clock: Clock,
  ) {}

  execute({
    principal,
    callId,
    question,
  }: {
    principal: Principal;
    callId: string;
    question: string;
  }): Promise<Clarification> {
    return this.tx.run(async (tx) => {
      const call = await loadCall(tx, callId);
      if (call.status !== 'OPEN' || call.deadline <= this.clock.now()) throw CompetitionErrors.CALL_CLOSED();
      const clarification = tx.create(Clarification, {
        id: newId(),
        callId,
        askedByOrganisationId: principal.organisationId,
        question,
        answer: null,
        answeredAt: null,
      });
      await tx.insert(Clarification, clarification);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'clarification',
        entityId: clarification.id,
        action: 'asked',
        after: { callId },
      });
      return clarification;
    });
  }
}

/** The call's agency answers a question; the answer becomes public. */
@Injectable()
export class AnswerClarification {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly clock: Clock,
  ) {}

  execute({
    principal,
    callId,
    clarificationId,
    answer,
  }: {
    principal: Principal;
    callId: string;
    clarificationId: string;
    answer: string;
  }): Promise<Clarification> {
    return this.tx.run(async (tx) => {
      const call = await loadCall(tx, callId);
      if (principal.organisationId !== call.agencyOrganisationId) throw IdentityErrors.FORBIDDEN_ORGANISATION();
      const clarification = await tx.findOneBy(Clarification, { id: clarificationId, callId });
      if (!clarification) throw CompetitionErrors.CLARIFICATION_NOT_FOUND(undefined, { id: clarificationId });
      const answeredAt = this.clock.now();
      await tx.update(Clarification, { id: clarificationId }, { answer, answeredAt });
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'clarification',
        entityId: clarificationId,
        action: 'answered',
        after: { answer },
      });
      return { ...clarification, answer, answeredAt };
    });
  }
}
