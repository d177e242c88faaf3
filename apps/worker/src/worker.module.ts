import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AcceptanceModule, AcceptanceWorkerModule } from '@app/acceptance';
import { CompetitionWorkerModule } from '@app/competition';
import { NotificationsWorkerModule } from '@app/notifications';
import { CatalogWorkerModule } from '@app/catalog';
import { PrecheckWorkerModule } from '@app/precheck';
import { AppConfig, PlatformModule } from '@app/platform';
import { RankingWorkerModule, TrustSourceModule } from '@app/ranking';
import { BakeOffWorkerModule, SettlementModule, SettlementWorkerModule } from '@app/settlement';
import { migrations } from '../../../migrations';
import { OutboxRelay } from './outbox-relay';
import { Sweeper } from './sweeper';

@Module({
  imports: [
    PlatformModule.forRoot({ migrations }),
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        prefix: config.QUEUE_PREFIX,
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null, enableReadyCheck: true },
      }),
    }),
    AcceptanceModule,
    SettlementModule,
    AcceptanceWorkerModule,
    SettlementWorkerModule,
    BakeOffWorkerModule,
    RankingWorkerModule,
    CatalogWorkerModule,
    PrecheckWorkerModule,
    CompetitionWorkerModule,
    TrustSourceModule,
    NotificationsWorkerModule,
  ],
  providers: [OutboxRelay, Sweeper],
})
export class WorkerModule {}
