import { Injectable } from '@nestjs/common';
import type { AuditActor } from '@app/audit';
import { Transactions } from '@app/platform';
import { CatalogErrors } from '../contracts/catalog';
import { ListingTransitions } from '../listing-transitions';
import type { Solution } from '../solution.entity';

/** The operator suspends a listing until a date, with the reason. */
@Injectable()
export class SuspendSolution {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: ListingTransitions,
  ) {}

  async execute({
    actor,
    id,
    until,
    reason,
  }: {
    actor: AuditActor;
    id: string;
    until: Date;
    reason: string;
  }): Promise<Solution> {
    if (until.getTime() <= Date.now()) throw CatalogErrors.SUSPENSION_END_IN_PAST(undefined, { until });
    return this.tx.run((tx) =>
      this.transitions.transition(tx, actor, id, 'suspend', { reason, suspendedUntil: until }),
    );
  }
}

/** The operator removes a solution from the catalogue, with the reason. */
@Injectable()
export class DelistSolution {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: ListingTransitions,
  ) {}

  async execute({ actor, id, reason }: { actor: AuditActor; id: string; reason: string }): Promise<Solution> {
    return this.tx.run((tx) => this.transitions.transition(tx, actor, id, 'delist', { reason }));
  }
}
