import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
} from 'typeorm';
import type { KpiDirection } from '@app/kernel';
import type { KpiAggregation, KpiComparator, ProblemScale, ProblemStatus } from './contracts/problems';

/** A catalogue problem (bài toán): what the city wants solved, its KPIs and its budget envelope. */
@Entity({ schema: 'problems', name: 'problems' })
@Check('problems_outcome_share_bp', 'outcome_share_bp BETWEEN 0 AND 10000')
@Check('problems_budget_envelope', 'budget_envelope >= 0')
export class Problem {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('problems_code_key', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Index('problems_agency_idx')
  @Column({ type: 'uuid' })
  agencyOrganisationId: string;

  @Column({ type: 'text' })
  titleVi: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text' })
  categoryCode: string;

  @Column({ type: 'text' })
  status: ProblemStatus;

  @Column({ type: 'bigint' })
  budgetEnvelope: string;

  /** Share of the envelope payable by results, basis points. */
  @Column({ type: 'integer' })
  outcomeShareBp: number;

  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  /** Small trial, pilot or wide rollout (Appendix IV, step 3). */
  @Column({ type: 'text', default: 'SMALL_TRIAL' })
  scale: ProblemScale;

  @Column({ type: 'text', default: '' })
  scope: string;

  @OneToMany(() => ProblemKpi, (kpi) => kpi.problem, { cascade: ['insert'] })
  kpis: ProblemKpi[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** A closed problem takes no new calls; calls already open run to their end. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  closeReason: string | null;
}

@Entity({ schema: 'problems', name: 'problem_kpis' })
@Index('problem_kpis_code_key', ['problemId', 'code'], { unique: true })
@Check('problem_kpis_weight_bp', 'weight_bp BETWEEN 1 AND 10000')
export class ProblemKpi {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  problemId: string;

  @ManyToOne(() => Problem, (p) => p.kpis, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'problem_id' })
  problem?: Problem;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameVi: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'text' })
  direction: KpiDirection;

  @Column({ type: 'text' })
  comparator: KpiComparator;

  /** Met or not met (a threshold such as "uptime ≥ 99.5 %"): attainment is 0 or 1. */
  @Column({ type: 'boolean', default: false })
  binary: boolean;

  /** Exact decimal; null = measured during a baseline period before deployment. */
  @Column({ type: 'numeric', nullable: true })
  baseline: string | null;

  @Column({ type: 'numeric' })
  target: string;

  @Column({ type: 'text' })
  measurementPeriod: string;

  @Column({ type: 'text', default: 'mean' })
  aggregation: KpiAggregation;

  /** Basis points; null on every KPI of the problem = equal weights (see assertKpiWeights). */
  @Column({ type: 'integer', nullable: true })
  weightBp: number | null;

  @Column({ type: 'text' })
  dataSource: string;
}
