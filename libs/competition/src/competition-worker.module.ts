import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CallDeadlineSweeper } from './call-deadline.sweeper';
import { CompetitionModule } from './competition.module';
import { CompetitionProcessor } from './competition.processor';
import { COMPETITION_QUEUE } from './contracts/competition';

@Module({
  imports: [CompetitionModule, BullModule.registerQueue({ name: COMPETITION_QUEUE })],
  providers: [CompetitionProcessor, CallDeadlineSweeper],
})
export class CompetitionWorkerModule {}
