import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { AuditFacade, SYSTEM_ACTOR } from '@app/audit';
import { Transactions } from '@app/platform';
import { CatalogEvents, type SolutionEvent } from '../contracts/catalog';
import { ListingTransitions } from '../listing-transitions';
import { Solution } from '../solution.entity';

/** A scheduled lifecycle move of one listing (an expiry, a suspension that ended), judged at `now`. */
@Injectable()
export class ApplyScheduledTransition {
  constructor(
    private readonly tx: Transactions,
    private readonly transitions: ListingTransitions,
  ) {}

  async execute({ solutionId, event, now }: { solutionId: string; event: SolutionEvent; now: Date }): Promise<void> {
    await this.tx.run((tx) => this.transitions.transition(tx, SYSTEM_ACTOR, solutionId, event, { now }));
  }
}

/** Reminds the vendor once that a listing expires soon; false when another sweep already did. */
@Injectable()
export class RemindListingExpiry {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditFacade,
    private readonly transitions: ListingTransitions,
  ) {}

  execute({ solutionId: id, now }: { solutionId: string; now: Date }): Promise<boolean> {
    return this.tx.run(async (tx) => {
      const updated = await tx.update(
        Solution,
        { id, status: 'LISTED', expiryReminderAt: IsNull() },
        { expiryReminderAt: now },
      );
      if (updated.affected !== 1) return false;
      const solution = await this.transitions.getSolution(id, tx);
      await this.transitions.notify(tx, CatalogEvents.expiryReminder, solution, {
        expiresAt: solution.listingExpiresAt?.toISOString(),
      });
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        entityType: 'solution',
        entityId: id,
        action: 'expiry_reminder',
        after: { remindedAt: now.toISOString() },
      });
      return true;
    });
  }
}
