import { Injectable } from '@nestjs/common';
import { AppConfig } from './app-config';

/** Crash points for reliability tests: the process dies exactly where a real crash could happen. */
@Injectable()
export class Faults {
  private readonly points: ReadonlySet<string>;

  constructor(config: AppConfig) {
    this.points = new Set(config.FAULT_POINTS);
  }

  crashAt(point: string): void {
    if (this.points.has(point)) {
      process.stderr.write(`fault injected: ${point}\n`);
      process.exit(137);
    }
  }
}
