import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AccountKind } from './contracts/accounts';

/** `balance` is the cached Σ of postings, maintained by a trigger; the CHECK makes overdraw impossible. */
@Entity({ schema: 'ledger', name: 'accounts' })
@Check('accounts_no_overdraw', 'may_go_negative OR balance >= 0')
export class Account {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('accounts_code_key', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  kind: AccountKind;

  @Index('accounts_owner_idx')
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ type: 'boolean', default: false })
  mayGoNegative: boolean;

  @Column({ type: 'bigint', default: 0 })
  balance: string;

  @Column({ type: 'bigint', default: 0 })
  version: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
