import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Aggregation, DeploymentModel, KpiDirection, RevisionStatus, SolutionStatus } from './contracts/catalog';

export interface SolutionContent {
  name: string;
  summary: string;
  categoryCode: string;
  description: string | null;
  deploymentModel: DeploymentModel | null;
  makeInVietnam: boolean;
  localisationShare: number | null;
  priceMin: string | null;
  priceMax: string | null;
  kpis: SolutionKpi[];
}

@Entity({ schema: 'catalog', name: 'solutions' })
@Index('solutions_category_status_idx', ['categoryCode', 'status'])
export class Solution {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('solutions_vendor_idx')
  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  categoryCode: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  deploymentModel: DeploymentModel | null;

  @Column({ type: 'boolean', default: false })
  makeInVietnam: boolean;

  /** Share of the solution localised in Viet Nam, in percent. */
  @Column({ type: 'smallint', nullable: true })
  localisationShare: number | null;

  /** Indicative price range in đồng. */
  @Column({ type: 'bigint', nullable: true })
  priceMin: string | null;

  @Column({ type: 'bigint', nullable: true })
  priceMax: string | null;

  @Column({ type: 'text' })
  status: SolutionStatus;

  /** Bumped when a rejected or expired solution is revised for resubmission. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  listedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  listingExpiresAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  qualityScore: number | null;

  /** Why the solution is in its current state (rejection, suspension, delisting). */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  /** The re-check of an edit made after listing; the listing itself keeps its status meanwhile. */
  @Column({ type: 'text', default: 'NONE' })
  revisionStatus: RevisionStatus;

  @Column({ type: 'text', nullable: true })
  revisionReason: string | null;

  /** The last version that passed the pre-check, exactly as checked: what buyers and the public see. */
  @Column({ type: 'integer', nullable: true })
  checkedVersion: number | null;

  @Column({ type: 'jsonb', nullable: true })
  checked: SolutionContent | null;

  @Column({ type: 'timestamptz', nullable: true })
  suspendedUntil: Date | null;

  /**
   * Set while the vendor's trust lower bound is under the floor and the operator has not yet decided (keep, suspend
   * or delist): the listing shows "đang xem xét lại". Kept by the ranking (CatalogFacade.syncRecheck).
   */
  @Column({ type: 'timestamptz', nullable: true })
  recheckOpenedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiryReminderAt: Date | null;

  @OneToMany(() => SolutionKpi, (kpi) => kpi.solution, { cascade: ['insert'] })
  kpis: SolutionKpi[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A KPI the vendor offers. Declarations may be incomplete in a draft: the pre-check names what is missing
 * instead of the form refusing it (PRODUCT.md, KPI measurability).
 */
@Entity({ schema: 'catalog', name: 'solution_kpis' })
export class SolutionKpi {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('solution_kpis_solution_idx')
  @Column({ type: 'uuid' })
  solutionId: string;

  @ManyToOne(() => Solution, (s) => s.kpis, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'solution_id' })
  solution?: Solution;

  @Column({ type: 'text' })
  metric: string;

  @Column({ type: 'text', nullable: true })
  unit: string | null;

  @Column({ type: 'text', nullable: true })
  direction: KpiDirection | null;

  @Column({ type: 'text', nullable: true })
  dataSource: string | null;

  @Column({ type: 'text', nullable: true })
  dataOwner: string | null;

  @Column({ type: 'text', nullable: true })
  measurementMethod: string | null;

  @Column({ type: 'text', nullable: true })
  aggregation: Aggregation | null;

  @Column({ type: 'text', nullable: true })
  frequency: string | null;

  @Column({ type: 'text', nullable: true })
  baselineMethod: string | null;

  @Column({ type: 'integer', nullable: true })
  minimumSample: number | null;

  @Column({ type: 'text', nullable: true })
  evidenceFormat: string | null;
}
