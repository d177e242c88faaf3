import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/** SIGTERM/SIGINT: finish in-flight work through the shutdown hooks, close connections, exit 0. */
export function closeOnSignals(app: INestApplicationContext, logger: LoggerService): void {
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      logger.log(`${signal} received; shutting down`);
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
    });
  }
}
