import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TrialRoundMeasurement } from './contracts/competition';

/**
 * One finalist of a POC bake-off: its trial order and, once that order is post-checked, what it measurably earned —
 * or, when the trial order was cancelled unsigned, why the finalist withdrew. Together the rows of a call are the
 * comparison table the award is proposed from.
 */
@Entity({ schema: 'competition', name: 'poc_trials' })
@Index('poc_trials_call_offer_key', ['callId', 'offerId'], { unique: true })
export class PocTrial {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @Column({ type: 'uuid' })
  offerId: string;

  @Index('poc_trials_order_key', { unique: true })
  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'integer' })
  scoreRank: number;

  @Column({ type: 'double precision' })
  scoreTotal: number;

  @Column({ type: 'bigint' })
  maxAmount: string;

  @Column({ type: 'bigint', nullable: true })
  paid: string | null;

  /** paid / max amount, exact, as "numerator/denominator". */
  @Column({ type: 'text', nullable: true })
  costEffectiveness: string | null;

  @Column({ type: 'jsonb', nullable: true })
  measured: TrialRoundMeasurement[] | null;

  /** 1 = proposed for award. */
  @Column({ type: 'integer', nullable: true })
  comparisonRank: number | null;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  /** Both parties sign the trial order by then, or it is cancelled and the finalist withdrawn. */
  @Column({ type: 'timestamptz' })
  signBy: Date;

  /** Set when the trial order was cancelled unsigned: the finalist leaves the comparison. */
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawalReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  concludedAt: Date | null;
}
