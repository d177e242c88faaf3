import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SigningParty } from './contracts/ordering';

/** One signature per party; it covers the hash of the canonical terms at the time of signing. */
@Entity({ schema: 'ordering', name: 'signatures' })
export class Signature {
  @PrimaryColumn({ type: 'uuid' })
  orderId: string;

  @PrimaryColumn({ type: 'text' })
  party: SigningParty;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  termsHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  signedAt: Date;
}
