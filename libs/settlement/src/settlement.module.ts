import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AcceptanceModule } from '@app/acceptance';
import { AuditModule } from '@app/audit';
import { LedgerModule } from '@app/ledger';
import { OrderingModule } from '@app/ordering';
import { OrderClosing } from './order-closing';
import { Postings } from './postings';
import { SettlementController } from './settlement.controller';
import { Settlement } from './settlement.entity';
import { SettlementFacade } from './settlement.facade';
import { CloseIfComplete } from './use-cases/close-if-complete';
import { ExpireOrder } from './use-cases/expire-order';
import { SettleRounds } from './use-cases/settle-rounds';

@Module({
  imports: [AuditModule, LedgerModule, OrderingModule, AcceptanceModule, TypeOrmModule.forFeature([Settlement])],
  controllers: [SettlementController],
  providers: [SettlementFacade, SettleRounds, CloseIfComplete, ExpireOrder, Postings, OrderClosing],
  exports: [SettlementFacade],
})
export class SettlementModule {}
