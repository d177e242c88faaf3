import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import { ProblemErrors } from '../contracts/problems';
import { CreateProposalDto, PROPOSAL_MAX_WORDS, proposalWordCount } from '../problems.dto';
import { Proposal } from '../proposal.entity';

@Injectable()
export class SubmitProposal {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
  ) {}

  /** Form Mẫu 01 from a ward or agency: the problem and the need, at most 1,000 words. */
  async execute({
    principal,
    proposal: dto,
  }: {
    principal: Principal;
    proposal: CreateProposalDto;
  }): Promise<Proposal> {
    const words = proposalWordCount(dto);
    if (words > PROPOSAL_MAX_WORDS)
      throw ProblemErrors.PROPOSAL_TOO_LONG(undefined, { words, max: PROPOSAL_MAX_WORDS });
    return this.tx.run(async (tx) => {
      const proposal = tx.create(Proposal, {
        ...dto,
        id: newId(),
        agencyOrganisationId: principal.organisationId,
        status: 'SUBMITTED',
        mergedIntoProblemId: null,
      });
      await tx.insert(Proposal, proposal);
      await this.audit.record(tx, {
        actor: actorOf(principal),
        entityType: 'proposal',
        entityId: proposal.id,
        action: 'submitted',
        after: { fields: dto.fields, words },
      });
      return proposal;
    });
  }
}
