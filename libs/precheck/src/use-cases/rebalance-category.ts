import { Injectable } from '@nestjs/common';
import { CatalogFacade } from '@app/catalog';
import { Transactions } from '@app/platform';
import { followListingMoves } from '../submission-moves';

/**
 * Scheduled: the catalogue brings one capacity category's listing back to its top N by quality score, and the
 * submissions of the solutions it moved follow them in the same transaction. Returns how many listings moved.
 */
@Injectable()
export class RebalanceCategory {
  constructor(
    private readonly tx: Transactions,
    private readonly catalog: CatalogFacade,
  ) {}

  execute({ categoryCode, now }: { categoryCode: string; now: Date }): Promise<number> {
    return this.tx.run(async (tx) => {
      const { moves, changes } = await this.catalog.rebalanceCategory(tx, categoryCode, now);
      await followListingMoves(tx, moves);
      return changes;
    });
  }
}
