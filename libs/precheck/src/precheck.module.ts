import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { PrecheckController } from './precheck.controller';
import { PrecheckFacade } from './precheck.facade';
import { Submission } from './submission.entity';

@Module({
  imports: [AuditModule, CatalogModule, TypeOrmModule.forFeature([Submission])],
  controllers: [PrecheckController],
  providers: [PrecheckFacade],
  exports: [PrecheckFacade],
})
export class PrecheckModule {}
