import { Module } from '@nestjs/common';
import { CompetitionModule } from '@app/competition';
import { OrderingModule } from '@app/ordering';
import { BakeOffConclusion, BakeOffSweeper } from './bake-off-conclusion';

@Module({
  imports: [CompetitionModule, OrderingModule],
  providers: [BakeOffConclusion, BakeOffSweeper],
})
export class BakeOffWorkerModule {}
