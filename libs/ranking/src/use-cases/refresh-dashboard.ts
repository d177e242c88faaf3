import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { Clock, newId } from '@app/kernel';
import { Transactions } from '@app/platform';
import { cityDashboard } from '../dashboard';
import { cityFigures } from '../dashboard-reads';
import { largeAggregates } from '../trust-recomputation';
import { DashboardSummary } from '../trust-snapshot.entity';

const DASHBOARD_LOCK = 'ranking-dashboard-refresh';

@Injectable()
export class RefreshDashboard {
  constructor(
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Recomputes the dashboard figures with set-based queries and appends them. Refreshes are serialised; one that
   * waited for another refresh which started after it was requested has nothing left to do.
   */
  async execute({ reason }: { reason: string }): Promise<DashboardSummary> {
    const requestedAt = this.clock.now();
    return this.tx.run(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [DASHBOARD_LOCK]);
      const [newer] = await tx.find(DashboardSummary, {
        where: { computedAt: MoreThan(requestedAt) },
        order: { computedAt: 'DESC' },
        take: 1,
      });
      if (newer) return newer;
      await largeAggregates(tx);
      const computedAt = this.clock.now();
      const summary = tx.create(DashboardSummary, {
        id: newId(),
        figures: cityDashboard(await cityFigures(tx)),
        reason,
        computedAt,
      });
      await tx.insert(DashboardSummary, summary);
      return summary;
    });
  }
}
