import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { OUTCOME_EVENTS_QUEUE } from '@app/acceptance';
import { RankingModule } from './ranking.module';
import { RankingProcessor } from './ranking.processor';

@Module({
  imports: [RankingModule, BullModule.registerQueue({ name: OUTCOME_EVENTS_QUEUE })],
  providers: [RankingProcessor],
})
export class RankingWorkerModule {}
