import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

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

  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

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

  /** Test-only crash points (`settlement.before-commit`, …); refused in production. */
  @IsOptional()
  @Transform(split)
  @IsString({ each: true })
  FAULT_POINTS: string[] = [];
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const config = load(AppConfig, env);
  if (config.NODE_ENV === 'production' && config.FAULT_POINTS.length > 0) {
    throw new Error('Invalid configuration:\n  FAULT_POINTS: fault injection is refused in production');
  }
  return config;
}
