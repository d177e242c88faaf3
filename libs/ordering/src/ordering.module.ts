import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CompetitionModule } from '@app/competition';
import { IdentityModule } from '@app/identity';
import { LedgerModule } from '@app/ledger';
import { Order } from './order.entity';
import { OrderingController } from './ordering.controller';
import { OrderingFacade } from './ordering.facade';
import { Signature } from './signature.entity';

@Module({
  imports: [AuditModule, CompetitionModule, IdentityModule, LedgerModule, TypeOrmModule.forFeature([Order, Signature])],
  controllers: [OrderingController],
  providers: [OrderingFacade],
  exports: [OrderingFacade],
})
export class OrderingModule {}
