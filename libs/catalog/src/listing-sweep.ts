import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type ObjectLiteral } from 'typeorm';
import { CatalogReads } from './catalog-reads';
import type { SolutionEvent } from './contracts/catalog';
import { Solution } from './solution.entity';
import { ApplyScheduledTransition, RemindListingExpiry } from './use-cases/scheduled-listing-moves';

const EXPIRY_REMINDER_DAYS = 30;

export interface SweepResult {
  lifted: number;
  expired: number;
  reminded: number;
}

/**
 * The scheduled part of the listing lifecycle, judged against the database clock (plus a test-only
 * offset): lift ended suspensions, expire 12-month listings, remind the vendor 30 days ahead. Freed capacity
 * is filled by the pre-check's scheduler, which owns the waiting submissions. Each listing moves in its own
 * transaction.
 */
@Injectable()
export class ListingSweep {
  constructor(
    private readonly reads: CatalogReads,
    private readonly scheduledTransition: ApplyScheduledTransition,
    private readonly remindExpiry: RemindListingExpiry,
    @InjectRepository(Solution) private readonly solutions: Repository<Solution>,
  ) {}

  async run(offsetSeconds: number): Promise<SweepResult> {
    const now = await this.reads.now(offsetSeconds);
    const result: SweepResult = { lifted: 0, expired: 0, reminded: 0 };
    const due = (where: string, params: ObjectLiteral) =>
      this.solutions
        .createQueryBuilder('s')
        .select('s.id', 'id')
        .where(where, params)
        .orderBy('s.id')
        .limit(500)
        .getRawMany<{ id: string }>()
        .then((rows) => rows.map((r) => r.id));
    const each = async (ids: string[], event: SolutionEvent) => {
      for (const solutionId of ids) await this.scheduledTransition.execute({ solutionId, event, now });
      return ids.length;
    };
    result.expired = await each(
      await due(`s.status IN ('LISTED', 'SUSPENDED') AND s.listing_expires_at <= :now`, { now }),
      'expire',
    );
    result.lifted = await each(
      await due(`s.status = 'SUSPENDED' AND s.suspended_until <= :now`, { now }),
      'lift_suspension',
    );
    const reminderFrom = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000);
    for (const solutionId of await due(
      `s.status = 'LISTED' AND s.expiry_reminder_at IS NULL AND s.listing_expires_at <= :reminderFrom`,
      { reminderFrom },
    )) {
      if (await this.remindExpiry.execute({ solutionId, now })) result.reminded++;
    }
    return result;
  }
}
