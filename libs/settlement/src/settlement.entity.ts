import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Exactly one settlement per order, round and record version, enforced by the unique key; append-only. A corrected
 * record pays the difference: a negative amount is a clawback.
 */
@Entity({ schema: 'settlement', name: 'settlements' })
@Index('settlements_order_round_version_key', ['orderId', 'roundNo', 'recordVersion'], { unique: true })
@Check('settlements_paid_non_negative', 'paid_cumulative >= 0')
export class Settlement {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'integer' })
  roundNo: number;

  @Column({ type: 'integer', default: 1 })
  recordVersion: number;

  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'bigint' })
  amount: string;

  @Column({ type: 'bigint' })
  paidCumulative: string;

  @Column({ type: 'uuid', nullable: true })
  transferId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  settledAt: Date;
}
