import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Exactly one settlement per order and round, enforced by the unique key; append-only. */
@Entity({ schema: 'acceptance', name: 'settlements' })
@Index('settlements_order_round_key', ['orderId', 'roundNo'], { unique: true })
@Check('settlements_amount_non_negative', 'amount >= 0')
export class Settlement {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @Column({ type: 'integer' })
  roundNo: number;

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
