export * from './account.entity';
export * from './contracts/accounts';
export * from './contracts/errors';
export * from './ledger.facade';
export * from './ledger.module';
export * from './posting.entity';
export * from './transfer.entity';
