export { Account } from './account.entity';
export type { TransferRequest } from './contracts/accounts';
export { LedgerErrors } from './contracts/errors';
export { LedgerFacade } from './ledger.facade';
export type { AccountSpec, Reconciliation, StatementLine } from './ledger.facade';
export { LedgerModule } from './ledger.module';
export { Posting } from './posting.entity';
export { Transfer } from './transfer.entity';
