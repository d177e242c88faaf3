import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A tier-2 score with its breakdown and every input, so anyone can recompute it. */
@Entity({ schema: 'competition', name: 'offer_scores' })
@Index('offer_scores_call_offer_key', ['callId', 'offerId'], { unique: true })
export class OfferScore {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @Column({ type: 'uuid' })
  offerId: string;

  @Column({ type: 'integer' })
  rank: number;

  @Column({ type: 'double precision' })
  total: number;

  @Column({ type: 'double precision' })
  priceScore: number;

  @Column({ type: 'double precision' })
  effectScore: number;

  @Column({ type: 'double precision' })
  trustScore: number;

  @Column({ type: 'jsonb' })
  inputs: object;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
