import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@app/identity';
import type { Page } from '@app/kernel';
import type { Problem } from './problem.entity';
import { assertCanManage, loadProblem } from './problem-lookup';
import type { CreateProblemDto, CreateProposalDto } from './problems.dto';
import { ProblemsReads, type PageRequest } from './problems-reads';
import type { Proposal } from './proposal.entity';
import { CloseProblem } from './use-cases/close-problem';
import { CreateProblem } from './use-cases/create-problem';
import { EditDraft } from './use-cases/edit-draft';
import { PublishProblem } from './use-cases/publish-problem';
import { SubmitProposal } from './use-cases/submit-proposal';

export type { PageRequest } from './problems-reads';

/** The problems' front door: proposals and problems are written by use cases and read through ProblemsReads. */
@Injectable()
export class ProblemsFacade {
  constructor(
    private readonly reads: ProblemsReads,
    private readonly createCase: CreateProblem,
    private readonly editDraftCase: EditDraft,
    private readonly closeCase: CloseProblem,
    private readonly publishCase: PublishProblem,
    private readonly submitProposalCase: SubmitProposal,
  ) {}

  create(principal: Principal, dto: CreateProblemDto): Promise<Problem> {
    return this.createCase.execute({ principal, definition: dto });
  }

  editDraft(principal: Principal, id: string, dto: CreateProblemDto): Promise<Problem> {
    return this.editDraftCase.execute({ principal, id, definition: dto });
  }

  close(principal: Principal, id: string, reason: string): Promise<Problem> {
    return this.closeCase.execute({ principal, id, reason });
  }

  publish(principal: Principal, id: string): Promise<Problem> {
    return this.publishCase.execute({ principal, id });
  }

  submitProposal(principal: Principal, dto: CreateProposalDto): Promise<Proposal> {
    return this.submitProposalCase.execute({ principal, proposal: dto });
  }

  listProposals(principal: Principal, page: PageRequest): Promise<Page<Proposal>> {
    return this.reads.listProposals(principal, page);
  }

  get(id: string, tx: EntityManager): Promise<Problem> {
    return loadProblem(tx, id);
  }

  getVisible(id: string, principal?: Principal): Promise<Problem> {
    return this.reads.getVisible(id, principal);
  }

  listDrafts(principal: Principal, page: PageRequest): Promise<Page<Problem>> {
    return this.reads.listDrafts(principal, page);
  }

  listPublished(page: PageRequest & { categoryCode?: string; agencyOrganisationId?: string }): Promise<Page<Problem>> {
    return this.reads.listPublished(page);
  }

  assertCanManage(principal: Principal, problem: Problem): void {
    assertCanManage(principal, problem);
  }
}
