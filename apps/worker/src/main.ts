import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { assertNoEviction, closeOnSignals, loadConfig } from '@app/platform';
import { assertJobHandlers, DECLARED_JOBS, PROCESSORS } from './job-handlers';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await assertNoEviction(config.REDIS_URL);
  assertJobHandlers(
    DECLARED_JOBS,
    PROCESSORS.map((p) => p.handles),
  );
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  closeOnSignals(app, logger);
  logger.log('worker ready');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
