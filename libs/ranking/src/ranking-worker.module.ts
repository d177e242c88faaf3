import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { OUTCOME_EVENTS_QUEUE } from '@app/acceptance';
import { PRECHECK_EVENTS_QUEUE } from '@app/precheck';
import { RANKING_QUEUE } from './contracts/ranking';
import { RankingModule } from './ranking.module';
import {
  ConflictRankingProcessor,
  RankingQueueProcessor,
  NightlyRankingSchedule,
  RankingProcessor,
} from './ranking.processor';

@Module({
  imports: [
    RankingModule,
    BullModule.registerQueue({ name: OUTCOME_EVENTS_QUEUE }),
    BullModule.registerQueue({ name: RANKING_QUEUE }),
    BullModule.registerQueue({ name: PRECHECK_EVENTS_QUEUE }),
  ],
  providers: [RankingProcessor, ConflictRankingProcessor, RankingQueueProcessor, NightlyRankingSchedule],
})
export class RankingWorkerModule {}
