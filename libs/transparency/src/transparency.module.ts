import { Module } from '@nestjs/common';
import { RankingModule } from '@app/ranking';
import { TransparencyController } from './transparency.controller';
import { TransparencyFacade } from './transparency.facade';

@Module({
  imports: [RankingModule],
  controllers: [TransparencyController],
  providers: [TransparencyFacade],
  exports: [TransparencyFacade],
})
export class TransparencyModule {}
