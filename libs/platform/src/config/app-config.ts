import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const split = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/** Queue worker tuning; read on its own by @Processor() decorators, which run at import time. */
export class QueueConfig {
  @Type(() => Number)
  @IsInt()
  @Min(500)
  QUEUE_LOCK_MS = 30_000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY = 8;
}

/** Bounds on user input; read on their own by validation decorators, which run outside dependency injection. */
export class InputLimitsConfig {
  /** The largest amount of đồng one request may name (a budget, a price, an allocation): 10^15 đ by default. */
  @Matches(/^[1-9]\d{0,17}$/, { message: 'MAX_AMOUNT_DONG must be a positive whole number of đồng below 10^18' })
  MAX_AMOUNT_DONG = '1000000000000000';
}

/** Every environment variable the processes read; `.env.example` lists the same names. */
export class AppConfig extends QueueConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  API_PORT = 3000;

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /** Load shedding: the API refuses new requests (503, Retry-After) while this many wait for a pooled connection… */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  API_MAX_WAITING_FOR_CONNECTION = 40;

  /** …or while its event loop lags by more than this many milliseconds. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  API_MAX_EVENT_LOOP_DELAY_MS = 1000;

  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string;

  @IsString()
  @Matches(/^[a-z0-9-]+$/)
  QUEUE_PREFIX = 'ccds';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 3600;

  /** Failed logins one client address may make per minute (an office shares one address: keep it generous). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 100;

  /** Consecutive failed logins of one account before it must wait; each further failure doubles the wait. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_BEFORE_BACKOFF = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_BACKOFF_BASE_SECONDS = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_BACKOFF_MAX_SECONDS = 900;

  /** Sent as `Authorization: Bearer …` by the Prometheus scraper; without it `/metrics` is closed. */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters' })
  METRICS_TOKEN?: string;

  /** Where the public reaches this installation (used in published links such as OCDS package URIs). */
  @Matches(/^https?:\/\/[^/?#]+(\/[^?#]*[^/?#])?$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL without a trailing slash, query or fragment',
  })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /**
   * The reverse proxies in front of the API (comma-separated addresses, CIDR ranges or `loopback`, `linklocal`,
   * `uniquelocal`), whose X-Forwarded-For names the client; empty: clients connect directly. Login throttling per
   * address counts the client, so an untrusted X-Forwarded-For must never be believed.
   */
  @Matches(/^([0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*)?$/, {
    message: 'TRUST_PROXY must be a comma-separated list of addresses, CIDR ranges or loopback/linklocal/uniquelocal',
  })
  TRUST_PROXY = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 200;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  SWEEP_INTERVAL_MS = 10_000;

  /** A trust lower bound under this floor (with ≥ 2 effective orders) flags the vendor's listings for re-check. */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  TRUST_FLOOR = 0.4;

  /** Where solution documents are stored, each file named by its SHA-256. */
  @IsString()
  DOCUMENTS_DIR = '.local/documents';

  /** Test-only shift of the clock scheduled jobs read (seconds added to the database's now()); refused in production. */
  @Type(() => Number)
  @IsInt()
  CLOCK_OFFSET_SECONDS = 0;

  /** Largest measurement file accepted by an upload (bytes); the body is streamed, never held whole in memory. */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  MEASUREMENT_UPLOAD_MAX_BYTES = 512 * 1024 * 1024;

  /** Where raw measurement files are kept, named by their SHA-256 (a shared volume when several APIs run). */
  @IsString()
  @MinLength(1)
  MEASUREMENT_FILES_DIR = '.local/measurement-files';

  /** This installation's OCDS prefix (registered with the Open Contracting Partnership): ocid = prefix-callId. */
  @Matches(/^ocds-[a-z0-9]{6}$/, { message: 'OCID_PREFIX must look like ocds-xxxxxx (6 lowercase letters or digits)' })
  OCID_PREFIX = 'ocds-hnccds';

  /** Test-only crash points (`settlement.before-commit`, …); refused in production. */
  @IsOptional()
  @Transform(split)
  @IsString({ each: true })
  FAULT_POINTS: string[] = [];

  /** Test-only: 0 makes a fault point crash the process; more freezes it there for that long, once per point. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  FAULT_PAUSE_MS = 0;
}

function load<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv): T {
  const config = plainToInstance(cls, { ...env }, { exposeDefaultValues: true });
  const errors = validateSync(config);
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}

export function loadQueueConfig(env: NodeJS.ProcessEnv = process.env): QueueConfig {
  return load(QueueConfig, env);
}

let inputLimits: InputLimitsConfig | undefined;

/** The process's input limits, read once. */
export function loadInputLimits(): InputLimitsConfig {
  inputLimits ??= load(InputLimitsConfig, process.env);
  return inputLimits;
}

/** The application's settings; the input limits are validated at boot too, though read on their own. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  load(InputLimitsConfig, env);
  const config = load(AppConfig, env);
  if (config.NODE_ENV === 'production' && config.FAULT_POINTS.length > 0) {
    throw new Error('Invalid configuration:\n  FAULT_POINTS: fault injection is refused in production');
  }
  if (config.NODE_ENV === 'production' && config.CLOCK_OFFSET_SECONDS !== 0) {
    throw new Error('Invalid configuration:\n  CLOCK_OFFSET_SECONDS: a shifted clock is refused in production');
  }
  return config;
}
