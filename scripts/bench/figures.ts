/** Small measurements and settings the benchmarks share. */
import fs from 'node:fs/promises';
import type { Pool } from 'pg';

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** A process's resident memory (VmRSS) in MB. */
export async function rssMb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

/** A whole-number setting from the environment (BENCH_*), or its default when unset or not a positive integer. */
export function intEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** How many times the city dashboard has been recomputed (from the whole city's data each time): one row each. */
export async function dashboardRefreshes(pool: Pool): Promise<number> {
  return Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM ranking.dashboard_summaries')).rows[0].n);
}
