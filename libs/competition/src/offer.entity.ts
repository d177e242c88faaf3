import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { KpiCommitment, OfferStatus } from './contracts/competition';

/** Form Mẫu 02: KPI–time–cost commitment and the proposed outcome-payment model. */
@Entity({ schema: 'competition', name: 'offers' })
@Index('offers_one_live_per_solution', ['callId', 'solutionId'], { unique: true, where: "status = 'SUBMITTED'" })
@Check('offers_price_positive', 'price > 0')
@Check('offers_delivery_share', 'delivery_share_bp BETWEEN 0 AND 3000')
@Check('offers_floor', 'floor_bp BETWEEN 0 AND 10000')
export class Offer {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('offers_call_idx')
  @Column({ type: 'uuid' })
  callId: string;

  @Column({ type: 'uuid' })
  solutionId: string;

  @Index('offers_vendor_idx')
  @Column({ type: 'uuid' })
  vendorOrganisationId: string;

  @Column({ type: 'text' })
  status: OfferStatus;

  /** Maximum price in đồng. */
  @Column({ type: 'bigint' })
  price: string;

  @Column({ type: 'jsonb' })
  kpiCommitments: KpiCommitment[];

  @Column({ type: 'integer' })
  durationDays: number;

  @Column({ type: 'integer' })
  rounds: number;

  /** Share of the price each round can earn, basis points (sum 10,000); null = equal shares. */
  @Column({ type: 'integer', array: true, nullable: true })
  roundSharesBp: number[] | null;

  @Column({ type: 'integer', default: 0 })
  deliveryShareBp: number;

  @Column({ type: 'integer', default: 5000 })
  floorBp: number;

  @Column({ type: 'boolean', default: true })
  acceptsPocElimination: boolean;

  /** Why a bake-off eliminated the offer, with the measured data it was compared on. */
  @Column({ type: 'text', nullable: true })
  eliminationReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt: Date;
}
