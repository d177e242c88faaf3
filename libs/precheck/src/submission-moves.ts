import { EntityManager } from 'typeorm';
import type { ListingMove } from '@app/catalog';
import { submissionLifecycle } from './contracts/precheck';
import { Submission } from './submission.entity';

/** A solution's submission follows its listing: it waits when the solution is displaced, is listed when promoted. */
export async function followListingMoves(tx: EntityManager, moves: ListingMove[]): Promise<void> {
  for (const { solutionId, move } of moves) {
    const [from, event] = move === 'displaced' ? (['LISTED', 'displace'] as const) : (['WAITING', 'promote'] as const);
    await tx.update(Submission, { solutionId, status: from }, { status: submissionLifecycle.apply(from, event) });
  }
}
