import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Account } from './account.entity';
import { LedgerFacade } from './ledger.facade';
import { Posting } from './posting.entity';
import { Transfer } from './transfer.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Account, Transfer, Posting])],
  providers: [LedgerFacade],
  exports: [LedgerFacade],
})
export class LedgerModule {}
