import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { SYSTEM_ACTOR, type AuditActor } from '@app/audit';
import { Category } from './category.entity';
import { CatalogErrors, type SolutionStatus } from './contracts/catalog';
import { ListingTransitions, WAITING_ORDER } from './listing-transitions';
import { Solution } from './solution.entity';

/** A listing occupies a capacity slot while it is listed or only temporarily suspended. */
export const OCCUPYING: SolutionStatus[] = ['LISTED', 'SUSPENDED'];

const OUTSCORED =
  'Một giải pháp có điểm chất lượng cao hơn đã được niêm yết vào lĩnh vực đã đủ chỗ; giải pháp chờ chỗ trống tiếp theo. / A better-scoring solution took the slot in this full category; the solution waits for the next free one.';
const CAPACITY_LOWERED =
  'Sức chứa của lĩnh vực đã giảm và chỉ các giải pháp điểm cao nhất được niêm yết; giải pháp chờ chỗ trống tiếp theo. / The category’s capacity was lowered and only the best-scoring solutions stay listed; the solution waits for the next free one.';

/** The pre-check's verdict on a solution, handed to the catalogue to place the solution. */
export interface CheckVerdict {
  solutionId: string;
  /** a re-check of a listed (or waiting) solution's new version, rather than its first check */
  recheck: boolean;
  passed: boolean;
  qualityScore: number;
  /** shown to the vendor */
  reason: string;
}

/** Where a verdict left the solution, and the listed solutions it pushed back to wait. */
export interface Placement {
  outcome: 'LISTED' | 'WAITING' | 'REJECTED';
  displaced: string[];
}

/** A listing that changed place in a rebalance: it gave its slot up, or took one. */
export interface ListingMove {
  solutionId: string;
  move: 'displaced' | 'promoted';
}

/**
 * The capacity rule, inside the caller's transaction: a category of capacity N lists the top N solutions by
 * quality score; the others wait in queue order for the next free slot.
 */
@Injectable()
export class Capacity {
  constructor(
    private readonly transitions: ListingTransitions,
    @InjectRepository(Solution) private readonly solutions: Repository<Solution>,
  ) {}

  /**
   * Places a checked solution. A passed re-check keeps the solution's place (a waiting one stays waiting, re-ranked
   * by its new score). A newcomer that passed is listed while the category has room; in a full category it takes
   * the lowest listed solution's slot when it scores higher (that one waits, its vendor is notified), else it waits
   * with its rank.
   */
  async place(tx: EntityManager, actor: AuditActor, verdict: CheckVerdict): Promise<Placement> {
    const { solutionId, passed, qualityScore, reason } = verdict;
    const details = { qualityScore, reason };
    if (verdict.recheck) {
      const waiting = passed && (await this.transitions.getSolution(solutionId, tx)).status === 'WAITING';
      await this.transitions.reviseTransition(tx, actor, solutionId, passed ? 'accept' : 'reject', details);
      return { outcome: !passed ? 'REJECTED' : waiting ? 'WAITING' : 'LISTED', displaced: [] };
    }
    if (!passed) {
      await this.transitions.transition(tx, actor, solutionId, 'reject', details);
      return { outcome: 'REJECTED', displaced: [] };
    }
    const { categoryCode } = await this.transitions.getSolution(solutionId, tx);
    const category = await this.lockCategory(tx, categoryCode);
    let listed = true;
    const displaced: string[] = [];
    if (category.capacity !== null && (await this.occupiedSlots(tx, category.code)) >= category.capacity) {
      const lowest = await this.lowestListed(tx, category.code);
      if (lowest && (lowest.qualityScore ?? 0) < qualityScore) {
        await this.transitions.transition(tx, actor, lowest.id, 'displace', { reason: OUTSCORED });
        displaced.push(lowest.id);
      } else listed = false;
    }
    await this.transitions.transition(tx, actor, solutionId, listed ? 'list' : 'wait', details);
    return { outcome: listed ? 'LISTED' : 'WAITING', displaced };
  }

  /**
   * Keeps a capacity category's listing the top N by quality score. A lowered capacity sends the lowest listed
   * solutions beyond it to wait; free slots (an expiry, a delisting, a raised capacity) go to the best waiting
   * solutions; a waiting solution that now scores higher than the lowest listed one (after a re-check) takes its
   * place. Returns the moves, and how many listings changed (a promotion over an outscored one counts once).
   */
  async rebalance(tx: EntityManager, code: string, now: Date): Promise<{ moves: ListingMove[]; changes: number }> {
    const category = await this.lockCategory(tx, code);
    let free = (category.capacity ?? Infinity) - (await this.occupiedSlots(tx, code));
    const moves: ListingMove[] = [];
    let changes = 0;
    const displace = async (solutionId: string, reason: string) => {
      await this.transitions.transition(tx, SYSTEM_ACTOR, solutionId, 'displace', { reason });
      moves.push({ solutionId, move: 'displaced' });
    };
    for (; free < 0; free++, changes++) {
      const lowest = await this.lowestListed(tx, code);
      if (!lowest) break;
      await displace(lowest.id, CAPACITY_LOWERED);
    }
    for (const candidate of await this.bestWaiting(tx, code, 100)) {
      if (free > 0) free--;
      else {
        const lowest = await this.lowestListed(tx, code);
        if (!lowest || (lowest.qualityScore ?? 0) >= (candidate.qualityScore ?? 0)) break;
        await displace(lowest.id, OUTSCORED);
      }
      await this.transitions.transition(tx, SYSTEM_ACTOR, candidate.id, 'list', { now });
      moves.push({ solutionId: candidate.id, move: 'promoted' });
      changes++;
    }
    return { moves, changes };
  }

  /** The category row, locked until the caller's transaction ends, so capacity decisions are serialised. */
  async lockCategory(tx: EntityManager, code: string): Promise<Category> {
    const category = await tx.findOne(Category, { where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!category) throw CatalogErrors.CATEGORY_NOT_FOUND(undefined, { code });
    return category;
  }

  /** Categories with solutions waiting for a slot, or with more occupied slots than their (lowered) capacity. */
  async categoriesToRebalance(): Promise<string[]> {
    const rows = await this.solutions.query<Array<{ code: string }>>(
      `SELECT DISTINCT category_code AS code FROM catalog.solutions WHERE status = 'WAITING'
       UNION
       SELECT c.code FROM catalog.categories c
       WHERE c.capacity < (SELECT count(*) FROM catalog.solutions s
                           WHERE s.category_code = c.code AND s.status = ANY($1))`,
      [OCCUPYING],
    );
    return rows.map((r) => r.code);
  }

  private occupiedSlots(tx: EntityManager, categoryCode: string): Promise<number> {
    return tx.count(Solution, { where: { categoryCode, status: In(OCCUPYING) } });
  }

  /** The best waiting solutions of a category, in queue order. */
  private bestWaiting(tx: EntityManager, categoryCode: string, take: number): Promise<Solution[]> {
    return tx.find(Solution, { where: { categoryCode, status: 'WAITING' }, order: WAITING_ORDER, take });
  }

  /**
   * The listed solution a better one would displace from a full category: the lowest quality score, the most
   * recently listed among equals. Suspended listings keep their slot: their status is the operator's to change.
   */
  private lowestListed(tx: EntityManager, categoryCode: string): Promise<Solution | null> {
    return tx.findOne(Solution, {
      where: { categoryCode, status: 'LISTED' },
      order: { qualityScore: 'ASC', listedAt: 'DESC', id: 'DESC' },
    });
  }
}
