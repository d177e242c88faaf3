import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { RECORD_EVENTS_QUEUE } from '@app/acceptance';
import { SettlementModule } from './settlement.module';
import { SettlementProcessor } from './settlement.processor';

@Module({
  imports: [SettlementModule, BullModule.registerQueue({ name: RECORD_EVENTS_QUEUE })],
  providers: [SettlementProcessor],
})
export class SettlementWorkerModule {}
