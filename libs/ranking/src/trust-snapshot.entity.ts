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

/** One recomputation, stored with every input so anyone can recompute it; history is kept. */
@Entity({ schema: 'ranking', name: 'trust_snapshots' })
@Index('trust_snapshots_vendor_scope_idx', ['vendorOrganisationId', 'scope', 'computedAt'])
export class TrustSnapshot {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  scope: string;

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

  /** orders with x and weights, excluded orders, prior μ0, m, z, half-life, category median, floor */
  @Column({ type: 'jsonb' })
  inputs: object;

  @Column({ type: 'jsonb' })
  lastOutcomes: LastOutcome[];

  @Column({ type: 'text' })
  explanationVi: string;

  @Column({ type: 'text' })
  explanationEn: string;

  /** what caused it: an outcome event name or 'nightly' */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}

/** The latest snapshot per vendor and scope: what rankings, tier-2 scoring and dashboards read. */
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
  expected: number;

  @Column({ type: 'double precision' })
  lowerBound: number;

  @Column({ type: 'double precision' })
  effectiveEvidence: number;

  @Column({ type: 'text' })
  label: TrustLabel;

  @Column({ type: 'boolean' })
  isNew: boolean;

  @Column({ type: 'integer' })
  orders: number;

  @Column({ type: 'jsonb' })
  lastOutcomes: LastOutcome[];

  @Column({ type: 'text' })
  explanationVi: string;

  @Column({ type: 'text' })
  explanationEn: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
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

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}

/** Category-wide prior μ0 inputs and median order value, cached so one vendor's recomputation stays cheap. */
@Entity({ schema: 'ranking', name: 'category_stats' })
export class CategoryStatistics {
  /** '*' or a category code */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @Column({ type: 'integer' })
  orders: number;

  @Column({ type: 'double precision' })
  meanX: number;

  @Column({ type: 'double precision' })
  medianValue: number;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
