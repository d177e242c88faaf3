import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { Problem, ProblemKpi } from './problem.entity';
import { ProblemsController } from './problems.controller';
import { ProblemsFacade } from './problems.facade';
import { Proposal } from './proposal.entity';

@Module({
  imports: [AuditModule, CatalogModule, IdentityModule, TypeOrmModule.forFeature([Problem, ProblemKpi, Proposal])],
  controllers: [ProblemsController],
  providers: [ProblemsFacade],
  exports: [ProblemsFacade],
})
export class ProblemsModule {}
