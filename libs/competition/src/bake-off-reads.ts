import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Principal } from '@app/identity';
import { Call } from './call.entity';
import { loadCall } from './call-lookup';
import { CompetitionErrors } from './contracts/competition';
import { Offer } from './offer.entity';
import { PocTrial } from './poc-trial.entity';

export interface BakeOffComparison {
  call: Call;
  trials: Array<PocTrial & { offerStatus: Offer['status']; eliminationReason: string | null }>;
}

/** The bake-off's trials as the acceptance and ordering modules and the comparison page read them. */
@Injectable()
export class BakeOffReads {
  constructor(@InjectRepository(PocTrial) private readonly trials: Repository<PocTrial>) {}

  /** Calls whose trial orders are running: the acceptance module checks whether they are all post-checked. */
  async callsInTrial(): Promise<string[]> {
    const rows = await this.trials.manager.find(Call, {
      where: { status: 'POC_TRIAL' },
      select: { id: true },
      take: 500,
    });
    return rows.map((r) => r.id);
  }

  async trialOrderIds(callId: string, tx: EntityManager): Promise<string[]> {
    const trials = await tx.find(PocTrial, { where: { callId } });
    return trials.map((t) => t.orderId);
  }

  /**
   * Trial orders of running bake-offs past their sign-by date (database clock shifted by `offsetSeconds`, test only)
   * whose finalist has not withdrawn; the ordering module cancels those still unsigned.
   */
  async pastSignBy(offsetSeconds: number): Promise<string[]> {
    const rows = await this.trials.query<Array<{ order_id: string }>>(
      `SELECT t.order_id FROM competition.poc_trials t
       JOIN competition.calls c ON c.id = t.call_id AND c.status = 'POC_TRIAL'
       WHERE t.withdrawn_at IS NULL AND t.sign_by <= now() + make_interval(secs => $1)
       ORDER BY t.sign_by LIMIT 500`,
      [offsetSeconds],
    );
    return rows.map((r) => r.order_id);
  }

  /**
   * The comparison table: the buyer's agency and operators see it from the start of the bake-off; everyone once the
   * call is awarded. Before that, it does not exist for anyone else.
   */
  async comparison(callId: string, principal?: Principal): Promise<BakeOffComparison> {
    const call = await loadCall(this.trials.manager, callId);
    const buyerSide =
      principal?.organisationType === 'OPERATOR' || principal?.organisationId === call.agencyOrganisationId;
    const trials = await this.trials.find({ where: { callId }, order: { scoreRank: 'ASC' } });
    if (trials.length === 0 || (!buyerSide && call.status !== 'AWARDED'))
      throw CompetitionErrors.BAKE_OFF_NOT_FOUND(undefined, { callId });
    const offers = await this.trials.manager.find(Offer, { where: { id: In(trials.map((t) => t.offerId)) } });
    return {
      call,
      trials: trials
        .map((t) => {
          const offer = offers.find((o) => o.id === t.offerId)!;
          return { ...t, offerStatus: offer.status, eliminationReason: offer.eliminationReason };
        })
        .sort(
          (x, y) =>
            Number(x.withdrawnAt !== null) - Number(y.withdrawnAt !== null) ||
            (x.comparisonRank ?? x.scoreRank) - (y.comparisonRank ?? y.scoreRank),
        ),
    };
  }
}
