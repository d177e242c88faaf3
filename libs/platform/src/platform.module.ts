import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, SystemClock } from '@app/kernel';
import { ConfigModule } from './config/config.module';
import { Faults } from './config/faults';
import { DatabaseModule, type MigrationList } from './database/database.module';
import { Transactions } from './database/transaction';
import { LoggingModule } from './logging/logging.module';
import { Outbox } from './outbox/outbox';
import { OutboxMessage, OutboxPending } from './outbox/outbox-message.entity';
import { JobQueues } from './queue/job-queues';

const providers = [Transactions, Outbox, JobQueues, Faults, { provide: Clock, useClass: SystemClock }];

@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: { migrations: MigrationList }): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule,
        LoggingModule,
        DatabaseModule.forRoot(options.migrations),
        TypeOrmModule.forFeature([OutboxMessage, OutboxPending]),
      ],
      providers,
      exports: [ConfigModule, ...providers],
    };
  }
}
