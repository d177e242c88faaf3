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
import type { Aggregation, KpiDirection, SolutionStatus } from './contracts/catalog';

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

  @Column({ type: 'text' })
  status: SolutionStatus;

  @Column({ type: 'timestamptz', nullable: true })
  listedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  listingExpiresAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  qualityScore: number | null;

  @OneToMany(() => SolutionKpi, (kpi) => kpi.solution, { cascade: ['insert'] })
  kpis: SolutionKpi[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A KPI the vendor can commit to, with everything needed to measure it (PRODUCT.md, KPI measurability). */
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

  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'text' })
  direction: KpiDirection;

  @Column({ type: 'text' })
  dataSource: string;

  @Column({ type: 'text' })
  measurementMethod: string;

  @Column({ type: 'text' })
  aggregation: Aggregation;

  @Column({ type: 'text' })
  frequency: string;

  @Column({ type: 'text' })
  baselineMethod: string;

  @Column({ type: 'integer' })
  minimumSample: number;

  @Column({ type: 'text' })
  evidenceFormat: string;
}
