import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OrderStatus, OrderTerms } from './contracts/ordering';

@Entity({ schema: 'ordering', name: 'orders' })
@Check('orders_max_amount_positive', 'max_amount > 0')
@Index('orders_call_key', ['callId'], { unique: true, where: 'NOT trial' })
@Index('orders_call_trial_key', ['callId', 'vendorOrganisationId'], { unique: true, where: 'trial' })
export class Order {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  /** A POC bake-off trial order of the call (one per finalist); the awarded order is the call's one main order. */
  @Column({ type: 'boolean', default: false })
  trial: boolean;

  @Index('orders_agency_idx')
  @Column({ type: 'uuid' })
  agencyOrganisationId: string;

  @Index('orders_vendor_idx')
  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  status: OrderStatus;

  @Column({ type: 'bigint' })
  maxAmount: string;

  @Column({ type: 'jsonb' })
  terms: OrderTerms;

  @Column({ type: 'text' })
  termsHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason: string | null;
}
