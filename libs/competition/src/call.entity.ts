import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AwardMode, CallStatus } from './contracts/competition';

@Entity({ schema: 'competition', name: 'calls' })
@Check('calls_weights_sum', 'weight_price_bp + weight_effect_bp + weight_trust_bp = 10000')
export class Call {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('calls_problem_idx')
  @Column({ type: 'uuid' })
  problemId: string;

  @Index('calls_agency_idx')
  @Column({ type: 'uuid' })
  agencyOrganisationId: string;

  @Column({ type: 'text' })
  status: CallStatus;

  @Column({ type: 'timestamptz' })
  deadline: Date;

  /** Frozen when the call opens: LISTED solutions of the problem's category at that moment. */
  @Column({ type: 'uuid', array: true })
  eligibleSolutionIds: string[];

  @Column({ type: 'integer', default: 4000 })
  weightPriceBp: number;

  @Column({ type: 'integer', default: 4000 })
  weightEffectBp: number;

  @Column({ type: 'integer', default: 2000 })
  weightTrustBp: number;

  @Column({ type: 'text', default: 'DIRECT' })
  awardMode: AwardMode;

  @Column({ type: 'integer', nullable: true })
  pocFinalists: number | null;

  @Column({ type: 'bigint', nullable: true })
  pocTrialBudget: string | null;

  /** Whether offers may commit to a target worse than the problem's. */
  @Column({ type: 'boolean', default: false })
  allowsWorseTargets: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  evaluatedAt: Date | null;

  /** The finalist with the best measured cost-effectiveness once the bake-off's trial orders are post-checked. */
  @Column({ type: 'uuid', nullable: true })
  pocProposedOfferId: string | null;

  @Column({ type: 'uuid', nullable: true })
  awardedOfferId: string | null;

  @Column({ type: 'text', nullable: true })
  awardJustification: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  openedAt: Date;
}
