import { DataSourceOptions } from 'typeorm';
import { PreparingClient } from './preparing-client';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** One definition shared by the app, the migration runner and the drift check. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    poolSize,
    // A server that accepts connections but never answers (frozen, partitioned) fails a request after 30 s, mapped
    // to 503, instead of holding it forever; the same bound applies to waiting for a free pooled connection.
    connectTimeoutMS: 30_000,
    extra: { application_name: 'cho-chuyen-doi-so', Client: PreparingClient },
  };
}
