import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditFacade } from './audit.facade';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  providers: [AuditFacade],
  exports: [AuditFacade],
})
export class AuditModule {}
