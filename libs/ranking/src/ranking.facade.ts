import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AcceptanceFacade, type VendorOutcome } from '@app/acceptance';
import { IdentityFacade } from '@app/identity';
import { Clock, newId } from '@app/kernel';
import { median, NEW_SUPPLIER_VI, priorMean, TRUST_LABELS_VI, trustScore, type OrderOutcome } from './trust-score';
import { TrustSnapshot } from './trust-snapshot.entity';

/** Shown instead of a label while effective evidence Σw < 2. */
export const NEW_SUPPLIER = 'NHA_CUNG_CAP_MOI';

export interface RankingEntry {
  rank: number;
  vendorOrganisationId: string;
  vendorName: string;
  expected: number;
  lowerBound: number;
  effectiveEvidence: number;
  label: string;
  labelVi: string;
  isNew: boolean;
  orders: number;
  computedAt: Date;
}

const outcomeOf = (o: VendorOutcome): OrderOutcome => ({
  orderId: o.orderId,
  agencyId: o.agencyOrganisationId,
  x: o.maxAmount > 0n ? Number((o.paid * 1_000_000n) / o.maxAmount) / 1_000_000 : 0,
  value: Number(o.maxAmount),
  closedAt: o.closedAt,
});

@Injectable()
export class RankingFacade {
  constructor(
    private readonly acceptance: AcceptanceFacade,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
    @InjectRepository(TrustSnapshot) private readonly snapshots: Repository<TrustSnapshot>,
  ) {}

  /** PRODUCT.md trust formula over the vendor's post-checked orders, with the marketplace-wide prior and median. */
  async recompute(vendorOrganisationId: string): Promise<TrustSnapshot> {
    const all = (await this.acceptance.closedOutcomes()).map((o) => ({
      vendor: o.vendorOrganisationId,
      outcome: outcomeOf(o),
    }));
    const params = {
      now: this.clock.now(),
      categoryMedianValue: median(all.map((a) => a.outcome.value)),
      priorMean: priorMean(all.map((a) => a.outcome.x)),
    };
    const outcomes = all.filter((a) => a.vendor === vendorOrganisationId).map((a) => a.outcome);
    const score = trustScore(outcomes, params);
    const snapshot = this.snapshots.create({
      id: newId(),
      vendorOrganisationId,
      alpha: score.alpha,
      beta: score.beta,
      expected: score.expected,
      lowerBound: score.lowerBound,
      effectiveEvidence: score.effectiveEvidence,
      label: score.label,
      isNew: score.isNew,
      inputs: { ...params, outcomes, weights: score.weights },
      computedAt: params.now,
    });
    await this.snapshots.insert(snapshot);
    return snapshot;
  }

  /** Latest snapshot per vendor, ranked by the lower bound L. */
  async rankings(): Promise<RankingEntry[]> {
    const latest = await this.snapshots
      .createQueryBuilder('s')
      .distinctOn(['s.vendor_organisation_id'])
      .orderBy('s.vendor_organisation_id')
      .addOrderBy('s.computed_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .getMany();
    const names = await this.identity.organisationNames(latest.map((s) => s.vendorOrganisationId));
    return latest
      .sort((a, b) => b.lowerBound - a.lowerBound || a.vendorOrganisationId.localeCompare(b.vendorOrganisationId))
      .map((s, i) => ({
        rank: i + 1,
        vendorOrganisationId: s.vendorOrganisationId,
        vendorName: names.get(s.vendorOrganisationId) ?? '',
        expected: s.expected,
        lowerBound: s.lowerBound,
        effectiveEvidence: s.effectiveEvidence,
        label: s.isNew ? NEW_SUPPLIER : s.label,
        labelVi: s.isNew ? NEW_SUPPLIER_VI : TRUST_LABELS_VI[s.label],
        isNew: s.isNew,
        orders: (s.inputs as { outcomes: unknown[] }).outcomes.length,
        computedAt: s.computedAt,
      }));
  }
}
