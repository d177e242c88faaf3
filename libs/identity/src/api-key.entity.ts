import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from './contracts/roles';

/** The secret is shown once; only its SHA-256 is stored (a random 256-bit key needs no slow hash). */
@Entity({ schema: 'identity', name: 'api_keys' })
export class ApiKey {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('api_keys_organisation_idx')
  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text' })
  name: string;

  @Index('api_keys_key_hash_key', { unique: true })
  @Column({ type: 'text', select: false })
  keyHash: string;

  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
