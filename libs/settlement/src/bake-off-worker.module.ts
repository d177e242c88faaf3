import { Module } from '@nestjs/common';
import { AcceptanceModule } from '@app/acceptance';
import { CompetitionModule } from '@app/competition';
import { OrderingModule } from '@app/ordering';
import { BakeOffConclusion, BakeOffSweeper } from './bake-off-conclusion';

@Module({
  imports: [AcceptanceModule, CompetitionModule, OrderingModule],
  providers: [BakeOffConclusion, BakeOffSweeper],
})
export class BakeOffWorkerModule {}
