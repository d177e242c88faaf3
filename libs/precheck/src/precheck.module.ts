import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { AssessorAssignments } from './assessor-assignments';
import { PrecheckController } from './precheck.controller';
import { PrecheckFacade } from './precheck.facade';
import { Assignment, AssessorConflict, RequirementSet, Submission } from './submission.entity';

@Module({
  imports: [
    AuditModule,
    CatalogModule,
    IdentityModule,
    TypeOrmModule.forFeature([Submission, RequirementSet, Assignment, AssessorConflict]),
  ],
  controllers: [PrecheckController],
  providers: [PrecheckFacade, AssessorAssignments],
  exports: [PrecheckFacade],
})
export class PrecheckModule {}
