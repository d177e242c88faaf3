import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity';
import { Transfer } from './transfer.entity';

/** One leg of a transfer; a deferred trigger refuses a transfer whose legs do not sum to zero. */
@Entity({ schema: 'ledger', name: 'postings' })
@Check('postings_amount_nonzero', 'amount <> 0')
@Index('postings_account_idx', ['accountId', 'id'])
@Index('postings_transfer_idx', ['transferId'])
@Index('postings_account_version_key', ['accountId', 'accountVersion'], { unique: true })
export class Posting {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  transferId: string;

  @ManyToOne(() => Transfer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'transfer_id' })
  transfer?: Transfer;

  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ type: 'bigint' })
  amount: string;

  /** Balance of the account right after this posting; with `account_version` it makes history checkable. */
  @Column({ type: 'bigint' })
  balanceAfter: string;

  @Column({ type: 'bigint' })
  accountVersion: string;
}
