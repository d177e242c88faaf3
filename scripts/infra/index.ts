export { freePort, isPortFree } from './ports';
export { startPostgres, type PostgresHandle } from './postgres';
export { startRedis, type RedisHandle } from './redis';
export {
  distPath,
  repoRoot,
  run,
  sleep,
  spawnProcess,
  startApi,
  startApis,
  startWorker,
  waitUntilReady,
  which,
  type AppProcess,
  type Env,
} from './processes';
