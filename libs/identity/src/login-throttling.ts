import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/platform';
import { IdentityErrors } from './contracts/errors';

const ADDRESS_WINDOW_SECONDS = 60;
const STALE_BATCH = 100;

const addressKey = (address: string) => `ip:${address}`;
const accountKey = (email: string) => `account:${email}`;

/**
 * Failed logins are counted per client address (a fixed one-minute window, generous enough for an office behind
 * one address) and per account (consecutive failures; past a threshold each further failure doubles the wait).
 * The counts live in PostgreSQL and are judged by its clock, so every API process enforces the same limits.
 */
@Injectable()
export class LoginThrottling {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Refuses (429, with the seconds to wait) while the address or the account is blocked. */
  async assertAllowed(address: string, email: string): Promise<void> {
    const [row] = await this.dataSource.query<Array<{ retry_after: number | null }>>(
      `SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS retry_after
         FROM identity.login_throttles WHERE key = ANY($1) AND blocked_until > now()`,
      [[addressKey(address), accountKey(email)]],
    );
    if (row.retry_after !== null) {
      throw IdentityErrors.RATE_LIMITED(undefined, { retryAfterSeconds: Math.max(1, row.retry_after) });
    }
  }

  async recordFailure(address: string, email: string): Promise<void> {
    await this.forgetStale();
    await this.dataSource.query(
      `INSERT INTO identity.login_throttles AS t (key, failures, window_started_at, blocked_until)
       VALUES ($1, 1, now(), CASE WHEN $2::int <= 1 THEN now() + make_interval(secs => $3) END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at > now() - make_interval(secs => $3) THEN t.failures + 1 ELSE 1 END,
         window_started_at = CASE WHEN t.window_started_at > now() - make_interval(secs => $3)
                                  THEN t.window_started_at ELSE now() END,
         blocked_until = CASE WHEN t.window_started_at > now() - make_interval(secs => $3) AND t.failures + 1 >= $2
                              THEN t.window_started_at + make_interval(secs => $3) END`,
      [addressKey(address), this.config.AUTH_RATE_LIMIT_PER_MINUTE, ADDRESS_WINDOW_SECONDS],
    );
    // An account's failures are forgotten after a day without one; a success forgets them at once.
    const failures = `CASE WHEN t.window_started_at > now() - interval '1 day' THEN t.failures + 1 ELSE 1 END`;
    const backoff = (count: string) =>
      `CASE WHEN ${count} >= $2 THEN now() + make_interval(secs => least($4::float8, $3::float8 * 2 ^ (${count} - $2))) END`;
    await this.dataSource.query(
      `INSERT INTO identity.login_throttles AS t (key, failures, window_started_at, blocked_until)
       VALUES ($1, 1, now(), ${backoff('1')})
       ON CONFLICT (key) DO UPDATE SET
         failures = ${failures}, window_started_at = now(), blocked_until = ${backoff(failures)}`,
      [
        accountKey(email),
        this.config.LOGIN_FAILURES_BEFORE_BACKOFF,
        this.config.LOGIN_BACKOFF_BASE_SECONDS,
        this.config.LOGIN_BACKOFF_MAX_SECONDS,
      ],
    );
  }

  /**
   * Counts a day old and no longer blocking change nothing (an account's failures are forgotten after a day, an
   * address's window is a minute). Each failure clears up to a batch of them, so the table stays as large as a
   * day's failures however long the system runs.
   */
  private async forgetStale(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM identity.login_throttles WHERE key IN (
         SELECT key FROM identity.login_throttles
          WHERE window_started_at < now() - interval '1 day' AND (blocked_until IS NULL OR blocked_until < now())
          ORDER BY window_started_at LIMIT $1 FOR UPDATE SKIP LOCKED)`,
      [STALE_BATCH],
    );
  }

  async recordSuccess(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM identity.login_throttles WHERE key = $1', [accountKey(email)]);
  }
}
