import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OrderStatus, OrderTerms } from './contracts/ordering';

@Entity({ schema: 'ordering', name: 'orders' })
@Check('orders_max_amount_positive', 'max_amount > 0')
export class Order {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('orders_call_key', { unique: true })
  @Column({ type: 'uuid' })
  callId: string;

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
}
