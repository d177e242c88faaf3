import { Injectable } from '@nestjs/common';
import { AuditFacade } from '@app/audit';
import { CatalogFacade } from '@app/catalog';
import { actorOf, type Principal } from '@app/identity';
import { Clock } from '@app/kernel';
import { Transactions } from '@app/platform';
import { RankingErrors } from '../contracts/ranking';
import { TrustRecomputation } from '../trust-recomputation';
import { RecheckFlag, type RecheckDecision } from '../trust-snapshot.entity';

@Injectable()
export class DecideRecheck {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly catalog: CatalogFacade,
    private readonly clock: Clock,
    private readonly recomputation: TrustRecomputation,
  ) {}

  /**
   * The operator keeps, suspends (until a date) or delists the vendor's listings in the flag's scope, with a reason;
   * the listings stop showing "đang xem xét lại". The flag stays until the lower bound is back at the floor, so
   * the same shortfall does not open a new re-check after each recomputation.
   */
  async execute({
    principal,
    flagId,
    ...dto
  }: {
    principal: Principal;
    flagId: string;
    decision: RecheckDecision;
    reason: string;
    suspendedUntil?: string;
  }): Promise<RecheckFlag> {
    return this.tx.run(async (tx) => {
      const flag = await tx.findOne(RecheckFlag, { where: { id: flagId }, lock: { mode: 'pessimistic_write' } });
      if (!flag) throw RankingErrors.FLAG_NOT_FOUND(undefined, { id: flagId });
      if (flag.decidedAt || flag.resolvedAt)
        throw RankingErrors.FLAG_NOT_OPEN(undefined, { id: flagId, decision: flag.decision });
      const now = this.clock.now();
      const until = dto.suspendedUntil === undefined ? null : new Date(dto.suspendedUntil);
      if ((dto.decision === 'SUSPEND') !== (until !== null) || (until && !(until > now)))
        throw RankingErrors.SUSPENSION_END_REQUIRED(undefined, { suspendedUntil: dto.suspendedUntil ?? null });
      const actor = actorOf(principal);
      const moved =
        dto.decision === 'KEEP'
          ? []
          : await this.catalog.applyRecheckDecision(
              tx,
              actor,
              flag.vendorOrganisationId,
              flag.scope,
              until ? { event: 'suspend', until, reason: dto.reason } : { event: 'delist', reason: dto.reason },
            );
      const decided = {
        decision: dto.decision,
        decisionReason: dto.reason,
        decidedByUserId: principal.userId ?? null,
        decidedAt: now,
      };
      await tx.update(RecheckFlag, { id: flagId }, decided);
      await this.recomputation.syncRecheck(tx, [flag.vendorOrganisationId], now);
      await this.audit.record(tx, {
        actor,
        entityType: 'recheck_flag',
        entityId: flagId,
        action: 'decided',
        before: { decision: null },
        after: { ...decided, decidedAt: now.toISOString(), suspendedUntil: until?.toISOString(), solutions: moved },
      });
      return { ...flag, ...decided };
    });
  }
}
