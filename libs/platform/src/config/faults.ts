import { Injectable } from '@nestjs/common';
import { AppConfig } from './app-config';

/**
 * Fault points for reliability tests: at a listed point the process dies (exit 137) exactly where a real crash
 * could happen or, with FAULT_PAUSE_MS, freezes there once (event loop blocked, as in a long GC pause or a
 * stopped VM) so a test can take a dependency away while the work is in flight.
 */
@Injectable()
export class Faults {
  private readonly points: ReadonlySet<string>;
  private readonly pauseMs: number;
  private readonly paused = new Set<string>();

  constructor(config: AppConfig) {
    this.points = new Set(config.FAULT_POINTS);
    this.pauseMs = config.FAULT_PAUSE_MS;
  }

  crashAt(point: string): void {
    if (!this.points.has(point)) return;
    if (this.pauseMs === 0) {
      process.stderr.write(`fault injected: ${point}\n`);
      process.exit(137);
    }
    if (this.paused.has(point)) return;
    this.paused.add(point);
    process.stderr.write(`fault injected: ${point} (frozen for ${this.pauseMs} ms)\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, this.pauseMs);
  }
}
