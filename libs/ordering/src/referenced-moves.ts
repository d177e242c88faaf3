import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type AuditEntry, AuditFacade } from '@app/audit';
import { actorOf, type Principal } from '@app/identity';
import { deterministicId } from '@app/kernel';
import { type AccountSpec, LedgerFacade } from '@app/ledger';
import { accountOf } from './money-accounts';

/** An amount an operator moves, with the outside reference (a bank transfer's) that makes it apply once. */
export interface ReferencedAmountCommand {
  principal: Principal;
  amount: bigint;
  reference: string;
}

export interface ReferencedMove {
  from: AccountSpec;
  to: AccountSpec;
  kind: string;
  amount: bigint;
  reference: string;
  audit: Pick<AuditEntry, 'entityType' | 'entityId' | 'action'>;
}

/** One move between two accounts, applied once per reference, audited when it is applied. */
@Injectable()
export class ReferencedMoves {
  constructor(
    private readonly audit: AuditFacade,
    private readonly ledger: LedgerFacade,
  ) {}

  /** Returns both accounts' balances after the move (or after the earlier move with the same reference). */
  async apply(tx: EntityManager, principal: Principal, move: ReferencedMove): Promise<{ from: bigint; to: bigint }> {
    const accounts = await this.ledger.openAccounts(tx, [move.from, move.to]);
    const outcome = await this.ledger.move(tx, {
      id: deterministicId(move.kind, move.audit.entityId, move.reference),
      kind: move.kind,
      from: accountOf(accounts, move.from.code),
      to: accountOf(accounts, move.to.code),
      amount: move.amount,
      memo: move.reference,
    });
    if (outcome === 'posted') {
      await this.audit.record(tx, {
        ...move.audit,
        actor: actorOf(principal),
        after: { amount: move.amount.toString(), reference: move.reference },
      });
    }
    const balances = await this.ledger.balances([move.from.code, move.to.code], tx);
    return { from: balances.get(move.from.code) ?? 0n, to: balances.get(move.to.code) ?? 0n };
  }
}
