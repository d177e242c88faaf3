import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from './contracts/roles';

@Entity({ schema: 'identity', name: 'users' })
export class User {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('users_organisation_idx')
  @Column({ type: 'uuid' })
  organisationId: string;

  @Index('users_email_key', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  fullName: string;

  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  /** Bumped when the user is disabled, their roles change or their password is reset: older tokens stop working. */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
