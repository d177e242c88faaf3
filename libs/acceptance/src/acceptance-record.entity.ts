import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { KpiResult, RecordStatus } from './contracts/acceptance';

/**
 * Biên bản nghiệm thu: per KPI the measured value, the data used, attainment, pay fraction, amount and why. The
 * officer's signature covers `recordHash`; a signature whose hash differs from the record's is not a signature.
 */
@Entity({ schema: 'acceptance', name: 'records' })
@Index('records_order_round_version_key', ['orderId', 'roundNo', 'version'], { unique: true })
@Index('records_current_key', ['orderId', 'roundNo'], { unique: true, where: `status <> 'SUPERSEDED'` })
@Index('records_payable_idx', ['payableAt'], { where: `status = 'PAYABLE'` })
@Index('records_signed_deadline_idx', ['disputeDeadline'], { where: `status = 'SIGNED'` })
export class AcceptanceRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'integer' })
  roundNo: number;

  /** 1, then one more for each correction after a dispute; only the newest version is not SUPERSEDED. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'text' })
  status: RecordStatus;

  @Column({ type: 'jsonb' })
  results: KpiResult[];

  /** Cumulative earned amount of the order after this round, floored once from the exact value. */
  @Column({ type: 'bigint' })
  earnedCumulative: string;

  @Column({ type: 'text', array: true })
  batchHashes: string[];

  /** What the officer confirmed was delivered: only on the delivery record (round DELIVERY_ROUND). */
  @Column({ type: 'text', nullable: true })
  deliveryNote: string | null;

  @Column({ type: 'text' })
  recordHash: string;

  @Column({ type: 'timestamptz' })
  evaluatedAt: Date;

  @Column({ type: 'text', nullable: true })
  signedHash: string | null;

  @Column({ type: 'uuid', nullable: true })
  signedByUserId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  /** Signature time plus the order's dispute window, on the database clock. */
  @Column({ type: 'timestamptz', nullable: true })
  disputeDeadline: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  payableAt: Date | null;
}
