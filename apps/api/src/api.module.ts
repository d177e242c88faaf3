import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AcceptanceModule } from '@app/acceptance';
import { AuditModule } from '@app/audit';
import { CatalogModule } from '@app/catalog';
import { CompetitionModule } from '@app/competition';
import { AuthGuard, IdentityModule } from '@app/identity';
import { LedgerModule } from '@app/ledger';
import { NotificationsModule } from '@app/notifications';
import { OrderingModule } from '@app/ordering';
import { PlatformModule } from '@app/platform';
import { PrecheckModule } from '@app/precheck';
import { ProblemsModule } from '@app/problems';
import { RankingModule, TrustSourceModule } from '@app/ranking';
import { SettlementModule } from '@app/settlement';
import { TransparencyModule } from '@app/transparency';
import { migrations } from '../../../migrations';
import { AdminController } from './admin.controller';
import { ErrorFilter } from './error.filter';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics';
import { QueueBoardController } from './queue-board';
import { WebAppController } from './web-app';

@Module({
  imports: [
    PlatformModule.forRoot({ migrations }),
    TerminusModule,
    AuditModule,
    IdentityModule,
    LedgerModule,
    CatalogModule,
    PrecheckModule,
    ProblemsModule,
    CompetitionModule,
    OrderingModule,
    AcceptanceModule,
    SettlementModule,
    RankingModule,
    TransparencyModule,
    TrustSourceModule,
    NotificationsModule,
  ],
  // WebAppController's catch-all comes last: it answers only what no other route matches.
  controllers: [HealthController, MetricsController, AdminController, QueueBoardController, WebAppController],
  providers: [
    { provide: APP_GUARD, useExisting: AuthGuard },
    { provide: APP_FILTER, useClass: ErrorFilter },
  ],
})
export class ApiModule {}
