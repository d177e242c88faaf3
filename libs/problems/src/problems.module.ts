import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { Problem, ProblemKpi } from './problem.entity';
import { ProblemDefinitions } from './problem-definition';
import { ProblemsController } from './problems.controller';
import { ProblemsFacade } from './problems.facade';
import { ProblemsReads } from './problems-reads';
import { Proposal } from './proposal.entity';
import { CloseProblem } from './use-cases/close-problem';
import { CreateProblem } from './use-cases/create-problem';
import { EditDraft } from './use-cases/edit-draft';
import { PublishProblem } from './use-cases/publish-problem';
import { SubmitProposal } from './use-cases/submit-proposal';

@Module({
  imports: [AuditModule, CatalogModule, IdentityModule, TypeOrmModule.forFeature([Problem, ProblemKpi, Proposal])],
  controllers: [ProblemsController],
  providers: [
    ProblemsFacade,
    ProblemsReads,
    ProblemDefinitions,
    CreateProblem,
    EditDraft,
    PublishProblem,
    CloseProblem,
    SubmitProposal,
  ],
  exports: [ProblemsFacade],
})
export class ProblemsModule {}
