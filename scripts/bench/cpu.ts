/** CPU used by the processes under test (and by the bench itself), read from /proc. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  cpuSeconds: number;
}

/** A process's parent and CPU seconds (user + system) so far, from /proc; undefined where unavailable. */
async function procStat(pid: number): Promise<ProcStat | undefined> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // Fields after the parenthesised command name, which may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
}

/** Cumulative CPU seconds of something under test, or undefined where it cannot be measured. */
export type CpuProbe = () => Promise<number | undefined>;

export const processCpu =
  (pid: number): CpuProbe =>
  async () =>
    (await procStat(pid))?.cpuSeconds;

export const totalCpu =
  (probes: CpuProbe[]): CpuProbe =>
  async () => {
    const values = await Promise.all(probes.map((probe) => probe()));
    return values.some((v) => v === undefined) ? undefined : values.reduce((sum, v) => sum! + v!, 0);
  };

/** The postmaster and its children; backends live as long as the pools' connections, so deltas hold. */
export const postgresCpu =
  (dataDir: string): CpuProbe =>
  async () => {
    const postmaster = Number(
      (await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0],
    );
    if (!postmaster) return undefined;
    const pids = (await fs.readdir('/proc').catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
    let total = 0;
    for (const pid of pids) {
      const stat = await procStat(Number(pid));
      if (stat && (Number(pid) === postmaster || stat.ppid === postmaster)) total += stat.cpuSeconds;
    }
    return total;
  };

/** Busy and total jiffies of the whole machine, from /proc/stat; undefined where /proc is unavailable. */
async function machineTicks(): Promise<{ busy: number; total: number } | undefined> {
  const stat = await fs.readFile('/proc/stat', 'utf8').catch(() => undefined);
  const cpu = stat?.split('\n')[0].split(/\s+/).slice(1).map(Number);
  if (!cpu || cpu.length < 5) return undefined;
  const total = cpu.reduce((sum, n) => sum + n, 0);
  // idle + iowait
  return { busy: total - cpu[3] - cpu[4], total };
}

/**
 * What an interval used: CPU seconds per probe (those that could be read) and of the bench process itself
 * (`bench_client`: the load generator shares the machine with the system under test), and the share of all cores
 * busy, whoever used them (100 = every core busy).
 */
export interface CpuUse {
  wallSeconds: number;
  cpuSeconds: Record<string, number>;
  machinePct?: number;
}

/** Starts measuring; the returned function gives what the interval used. */
export async function startCpuMeter(probes: Record<string, CpuProbe>): Promise<() => Promise<CpuUse>> {
  const started = performance.now();
  const machineBefore = await machineTicks();
  const before = new Map<string, number | undefined>();
  for (const [name, probe] of Object.entries(probes)) before.set(name, await probe());
  const benchBefore = process.cpuUsage();
  return async () => {
    const wallSeconds = (performance.now() - started) / 1000;
    const cpuSeconds: Record<string, number> = {};
    for (const [name, probe] of Object.entries(probes)) {
      const [from, to] = [before.get(name), await probe()];
      if (from !== undefined && to !== undefined) cpuSeconds[name] = to - from;
    }
    const bench = process.cpuUsage(benchBefore);
    cpuSeconds.bench_client = (bench.user + bench.system) / 1e6;
    const machineAfter = await machineTicks();
    const machinePct =
      machineBefore && machineAfter
        ? Math.round(((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100)
        : undefined;
    return { wallSeconds, cpuSeconds, ...(machinePct !== undefined ? { machinePct } : {}) };
  };
}

/** `<name>_cpu_pct` (% of one core) for each measured process, and `machine_cpu_pct`. */
export function cpuPercentFigures({ wallSeconds, cpuSeconds, machinePct }: CpuUse): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const [name, seconds] of Object.entries(cpuSeconds)) {
    figures[`${name}_cpu_pct`] = Math.round((seconds / wallSeconds) * 100);
  }
  if (machinePct !== undefined) figures.machine_cpu_pct = machinePct;
  return figures;
}
