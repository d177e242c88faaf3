import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CompetitionModule } from '@app/competition';
import { IdentityModule } from '@app/identity';
import { LedgerModule } from '@app/ledger';
import { AccountStatementsController } from './account-statements.controller';
import { CofundingController } from './cofunding.controller';
import { Order } from './order.entity';
import { OrderPayoutsController } from './order-payouts.controller';
import { OrderingController } from './ordering.controller';
import { OrderingFacade } from './ordering.facade';
import { Signature } from './signature.entity';
import { TrialOrders } from './trial-orders';
import { VendorAccountsController } from './vendor-accounts.controller';
import { TrialOrdersController } from './trial-orders.controller';

@Module({
  imports: [AuditModule, CompetitionModule, IdentityModule, LedgerModule, TypeOrmModule.forFeature([Order, Signature])],
  controllers: [
    OrderingController,
    CofundingController,
    TrialOrdersController,
    OrderPayoutsController,
    VendorAccountsController,
    AccountStatementsController,
  ],
  providers: [OrderingFacade, TrialOrders],
  exports: [OrderingFacade, TrialOrders],
})
export class OrderingModule {}
