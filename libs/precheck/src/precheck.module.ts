import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { AssessorAssignments } from './assessor-assignments';
import { PrecheckController } from './precheck.controller';
import { PrecheckFacade } from './precheck.facade';
import { PrecheckReads } from './precheck-reads';
import { Assignment, AssessorConflict, RequirementSet, Submission } from './submission.entity';
import { AssignWaitingSubmission } from './use-cases/assign-waiting-submission';
import { CreateRequirementSet } from './use-cases/create-requirement-set';
import { DeclareConflict } from './use-cases/declare-conflict';
import { RebalanceCategory } from './use-cases/rebalance-category';
import { ScoreSubmission } from './use-cases/score-submission';
import { SubmitSolution } from './use-cases/submit-solution';
import { TopUpAssessors } from './use-cases/top-up-assessors';

@Module({
  imports: [
    AuditModule,
    CatalogModule,
    IdentityModule,
    TypeOrmModule.forFeature([Submission, RequirementSet, Assignment, AssessorConflict]),
  ],
  controllers: [PrecheckController],
  providers: [
    PrecheckFacade,
    PrecheckReads,
    AssessorAssignments,
    CreateRequirementSet,
    DeclareConflict,
    SubmitSolution,
    ScoreSubmission,
    AssignWaitingSubmission,
    TopUpAssessors,
    RebalanceCategory,
  ],
  exports: [PrecheckFacade],
})
export class PrecheckModule {}
