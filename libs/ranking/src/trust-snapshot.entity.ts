import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TrustLabel } from './trust-score';

/** '*' = over all categories; otherwise a catalogue category code. */
export const OVERALL = '*';

export interface LastOutcome {
  orderId: string;
  agencyOrganisationId: string;
  x: number;
  closedAt: string;
}

/**
 * One element of a stored outcome set: [orderId, agencyId, categoryCode, paid, maxAmount, closedAt ISO, excluded,
 * deliveryShareBp, deliveryPaid]. Sets stored before the delivery share was recorded end at `excluded`.
 */
export type StoredOutcome = [
  orderId: string,
  agencyId: string,
  categoryCode: string,
  paid: string,
  maxAmount: string,
  closedAt: string,
  excluded: ExclusionReason | null,
  deliveryShareBp?: number,
  deliveryPaid?: boolean,
];
/** Why an order does not count: its agency, or the officer who signed its acceptance, is linked to the vendor. */
export type ExclusionReason = 'AGENCY_LINKED' | 'OFFICER_LINKED';

/**
 * A vendor's closed orders with their outcome money, as one recomputation read them. Stored once per distinct
 * content (the hash), so the nightly recomputation of an unchanged vendor reuses it.
 */
@Entity({ schema: 'ranking', name: 'trust_inputs' })
@Index('trust_inputs_vendor_hash_key', ['vendorOrganisationId', 'hash'], { unique: true })
export class TrustInputs {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  /** SHA-256 of the outcomes' JSON */
  @Column({ type: 'text' })
  hash: string;

  /** json, not jsonb: written in bulk and only ever read whole */
  @Column({ type: 'json' })
  outcomes: StoredOutcome[];

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One recomputation of one scope, stored with its inputs (the outcome set and every parameter) so anyone can
 * recompute it; history is kept. The explanation and last outcomes are derived from these on read.
 */
@Entity({ schema: 'ranking', name: 'trust_snapshots' })
@Index('trust_snapshots_vendor_scope_idx', ['vendorOrganisationId', 'scope', 'computedAt'])
export class TrustSnapshot {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  scope: string;

  /** ranking.trust_inputs: the vendor's orders with paid and max amount, agency, category, close date, exclusion */
  @Column({ type: 'uuid' })
  inputsId: string;

  @Column({ type: 'double precision' })
  alpha: number;

  @Column({ type: 'double precision' })
  beta: number;

  @Column({ type: 'double precision' })
  expected: number;

  @Column({ type: 'double precision' })
  lowerBound: number;

  @Column({ type: 'double precision' })
  effectiveEvidence: number;

  @Column({ type: 'text' })
  label: TrustLabel;

  @Column({ type: 'boolean' })
  isNew: boolean;

  /** orders counted in the scope */
  @Column({ type: 'integer' })
  orders: number;

  /** orders of the scope left out because of a link to the vendor */
  @Column({ type: 'integer' })
  excluded: number;

  /** an agency's weight was scaled down to the cap */
  @Column({ type: 'boolean' })
  capped: boolean;

  /** μ0 */
  @Column({ type: 'double precision' })
  priorMean: number;

  /** post-checked orders of the scope behind μ0 and the median */
  @Column({ type: 'integer' })
  categoryOrders: number;

  @Column({ type: 'double precision' })
  categoryMedianValue: number;

  /** m */
  @Column({ type: 'double precision' })
  pseudoOrders: number;

  @Column({ type: 'double precision' })
  z: number;

  @Column({ type: 'double precision' })
  halfLifeMonths: number;

  /** the re-check floor in force */
  @Column({ type: 'double precision' })
  floor: number;

  /** what caused it: an outcome event name, a declared link, 'nightly' */
  @Column({ type: 'text' })
  reason: string;

  /** also the "now" the decay was computed at */
  @Column({ type: 'timestamptz' })
  computedAt: Date;
}

/** The latest snapshot per vendor and scope, with what ranks and filters it: rankings and tier-2 scoring read it. */
@Entity({ schema: 'ranking', name: 'current_scores' })
@Index('current_scores_scope_rank_idx', ['scope', 'lowerBound'])
export class CurrentTrustScore {
  @PrimaryColumn({ type: 'uuid' })
  vendorOrganisationId: string;

  @PrimaryColumn({ type: 'text' })
  scope: string;

  @Column({ type: 'uuid' })
  snapshotId: string;

  @Column({ type: 'double precision' })
  lowerBound: number;

  @Column({ type: 'text' })
  label: TrustLabel;

  @Column({ type: 'boolean' })
  isNew: boolean;
}

/** Operator-declared: this agency is linked to this vendor, so its orders never count for the vendor's trust. */
@Entity({ schema: 'ranking', name: 'agency_vendor_links' })
@Index('agency_vendor_links_key', ['agencyOrganisationId', 'vendorOrganisationId'], { unique: true })
export class AgencyVendorLink {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  agencyOrganisationId: string;

  @Index('agency_vendor_links_vendor_idx')
  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid', nullable: true })
  declaredByUserId: string | null;

  @Column({ type: 'timestamptz' })
  declaredAt: Date;
}

/** A lower bound under the floor with enough evidence: the vendor's listings in the scope need a re-check. */
@Entity({ schema: 'ranking', name: 'recheck_flags' })
@Index('recheck_flags_one_open', ['vendorOrganisationId', 'scope'], { unique: true, where: 'resolved_at IS NULL' })
export class RecheckFlag {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  scope: string;

  @Column({ type: 'uuid' })
  snapshotId: string;

  @Column({ type: 'double precision' })
  lowerBound: number;

  @Column({ type: 'double precision' })
  effectiveEvidence: number;

  @Column({ type: 'double precision' })
  floor: number;

  @Column({ type: 'timestamptz' })
  raisedAt: Date;

  /** the lower bound came back to the floor (or the vendor became new again): the re-check is over */
  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** the operator's decision on the vendor's listings in the scope; while it is unset the listings are under re-check */
  @Column({ type: 'text', nullable: true })
  decision: RecheckDecision | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}

export const RECHECK_DECISIONS = ['KEEP', 'SUSPEND', 'DELIST'] as const;
export type RecheckDecision = (typeof RECHECK_DECISIONS)[number];

/** The city dashboard's figures as of one refresh (every outcome event and the nightly recomputation). */
@Entity({ schema: 'ranking', name: 'dashboard_summaries' })
export class DashboardSummary {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'jsonb' })
  figures: object;

  @Column({ type: 'text' })
  reason: string;

  @Index('dashboard_summaries_computed_idx')
  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
