import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { OUTCOME_EVENTS_QUEUE } from '@app/acceptance';
import { RANKING_QUEUE } from './contracts/ranking';
import { RankingModule } from './ranking.module';
import { NightlyRankingProcessor, NightlyRankingSchedule, RankingProcessor } from './ranking.processor';

@Module({
  imports: [
    RankingModule,
    BullModule.registerQueue({ name: OUTCOME_EVENTS_QUEUE }),
    BullModule.registerQueue({ name: RANKING_QUEUE }),
  ],
  providers: [RankingProcessor, NightlyRankingProcessor, NightlyRankingSchedule],
})
export class RankingWorkerModule {}
