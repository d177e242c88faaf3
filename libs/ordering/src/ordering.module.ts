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
import { DraftCancellation } from './draft-cancellation';
import { DraftTerms } from './draft-terms';
import { OrderReads } from './order-reads';
import { OrderingFacade } from './ordering.facade';
import { ReferencedMoves } from './referenced-moves';
import { Signature } from './signature.entity';
import { TrialOrders } from './trial-orders';
import { VendorAccountsController } from './vendor-accounts.controller';
import { TrialOrdersController } from './trial-orders.controller';
import { AllocateBudget } from './use-cases/allocate-budget';
import { AwardOrder } from './use-cases/award-order';
import { CancelOrder } from './use-cases/cancel-order';
import { DepositToFunderPool } from './use-cases/deposit-to-funder-pool';
import { Disburse } from './use-cases/disburse';
import { NameValidator } from './use-cases/name-validator';
import { Pledge } from './use-cases/pledge';
import { SignOrder } from './use-cases/sign-order';
import { WithdrawPledge } from './use-cases/withdraw-pledge';

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
  providers: [
    OrderingFacade,
    OrderReads,
    TrialOrders,
    DraftCancellation,
    DraftTerms,
    ReferencedMoves,
    AllocateBudget,
    Disburse,
    DepositToFunderPool,
    Pledge,
    WithdrawPledge,
    NameValidator,
    AwardOrder,
    SignOrder,
    CancelOrder,
  ],
  exports: [OrderingFacade, TrialOrders],
})
export class OrderingModule {}
