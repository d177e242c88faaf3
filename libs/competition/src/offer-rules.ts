import type { EntityManager } from 'typeorm';
import type { CatalogFacade } from '@app/catalog';
import { firstRepeated, isWorse } from '@app/kernel';
import type { Problem } from '@app/problems';
import type { Call } from './call.entity';
import type { PaymentTermsDto } from './competition.dto';
import { CompetitionErrors } from './contracts/competition';
import { equalShares, maxDeliveryShareBp, roundSharesRefusal } from './offer-terms';

/** Only LISTED solutions bid and are awarded: the eligible pool frozen at opening is not enough on its own. */
export async function assertSolutionListed(
  catalog: CatalogFacade,
  tx: EntityManager,
  solutionId: string,
): Promise<void> {
  const status = (await catalog.statusesOf(tx, [solutionId])).get(solutionId);
  if (status !== 'LISTED') throw CompetitionErrors.SOLUTION_NOT_LISTED(undefined, { solutionId, status });
}

/** The fixed delivery share leaves at least the problem's share payable by results. */
function assertDeliveryShare(problem: Problem, deliveryShareBp: number): void {
  const maximum = maxDeliveryShareBp(problem);
  if (deliveryShareBp > maximum) {
    throw CompetitionErrors.DELIVERY_SHARE_TOO_HIGH(undefined, {
      field: 'deliveryShareBp',
      deliveryShareBp,
      maximum,
      outcomeShareBp: problem.outcomeShareBp,
    });
  }
}

/** Every problem KPI gets a commitment no worse than the problem's target, with a baseline when the problem has none. */
function assertCommitments(problem: Problem, dto: PaymentTermsDto, allowsWorseTargets: boolean): void {
  const repeated = firstRepeated(dto.kpiCommitments.map((c) => c.kpiCode));
  if (repeated !== undefined)
    throw CompetitionErrors.KPI_COMMITMENT_INVALID(
      `Hai cam kết cho cùng KPI ${repeated}. / Two commitments for KPI ${repeated}.`,
      { kpiCode: repeated, field: 'kpiCommitments' },
    );
  const byCode = new Map(dto.kpiCommitments.map((c) => [c.kpiCode, c]));
  for (const kpi of problem.kpis) {
    const commitment = byCode.get(kpi.code);
    if (!commitment)
      throw CompetitionErrors.KPI_COMMITMENT_INVALID(
        `Thiếu cam kết cho KPI ${kpi.code}. / Missing commitment for KPI ${kpi.code}.`,
        { kpiCode: kpi.code },
      );
    if (kpi.baseline === null && commitment.baseline === undefined && !kpi.binary) {
      throw CompetitionErrors.KPI_COMMITMENT_INVALID(
        `KPI ${kpi.code} cần mức cơ sở đã thống nhất. / KPI ${kpi.code} needs an agreed baseline.`,
        { kpiCode: kpi.code, field: 'baseline' },
      );
    }
    const baseline = commitment.baseline ?? kpi.baseline;
    if (!kpi.binary && baseline !== null && isWorse(kpi.direction, commitment.target, baseline)) {
      throw CompetitionErrors.KPI_COMMITMENT_INVALID(
        `Mục tiêu cam kết cho ${kpi.code} ngược chiều với mức cơ sở. / Committed target for ${kpi.code} is on the wrong side of its baseline.`,
        { kpiCode: kpi.code, baseline, target: commitment.target, direction: kpi.direction },
      );
    }
    if (!allowsWorseTargets && isWorse(kpi.direction, commitment.target, kpi.target)) {
      throw CompetitionErrors.KPI_COMMITMENT_INVALID(
        `Mục tiêu cam kết cho ${kpi.code} kém hơn mục tiêu của bài toán. / Committed target for ${kpi.code} is worse than the problem's.`,
        { kpiCode: kpi.code, committed: commitment.target, required: kpi.target },
      );
    }
    byCode.delete(kpi.code);
  }
  if (byCode.size > 0)
    throw CompetitionErrors.KPI_COMMITMENT_INVALID(undefined, { unknownKpiCodes: [...byCode.keys()] });
}

/** An offer's payment terms as the problem and call allow them (price in the envelope, delivery share, shares). */
export function checkedPaymentTerms(problem: Problem, call: Call, dto: PaymentTermsDto) {
  if (BigInt(dto.price) <= 0n) throw CompetitionErrors.PRICE_NOT_POSITIVE(undefined, { field: 'price' });
  if (BigInt(dto.price) > BigInt(problem.budgetEnvelope)) {
    throw CompetitionErrors.PRICE_ABOVE_ENVELOPE(undefined, { price: dto.price, envelope: problem.budgetEnvelope });
  }
  assertDeliveryShare(problem, dto.deliveryShareBp ?? 0);
  assertCommitments(problem, dto, call.allowsWorseTargets);
  const shares = dto.roundSharesBp ?? equalShares(dto.rounds);
  const sharesRefusal = roundSharesRefusal(shares, dto.rounds);
  if (sharesRefusal) throw CompetitionErrors.ROUND_SHARES_INVALID(undefined, sharesRefusal);
  return {
    price: dto.price,
    kpiCommitments: dto.kpiCommitments,
    rounds: dto.rounds,
    roundSharesBp: shares,
    deliveryShareBp: dto.deliveryShareBp ?? 0,
    floorBp: dto.floorBp ?? 5000,
  };
}
