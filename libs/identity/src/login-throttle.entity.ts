import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed logins per client address (`ip:…`) and per account (`account:…`), shared by every API process so that
 * a limit holds however many processes answer.
 */
@Entity({ schema: 'identity', name: 'login_throttles' })
export class LoginThrottle {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'integer' })
  failures: number;

  /** Start of the address's counting window; for an account, the time of its latest failure. */
  @Index()
  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
