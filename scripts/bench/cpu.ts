/**
 * CPU used by the processes under test (and by the bench itself), read from /proc. The reads are synchronous: they
 * take microseconds, while each asynchronous one waits for a turn of an event loop the load generator keeps busy
 * (measured: a window's opening readings of a few hundred processes came in only after the 4-s window had ended).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  cpuSeconds: number;
  /** of its children that have exited (and been waited for) */
  exitedChildrenCpuSeconds: number;
}

/** A process's parent and CPU seconds (user + system) so far, from /proc; undefined where unavailable. */
function procStat(pid: number): ProcStat | undefined {
  const stat = readOrUndefined(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Fields after the parenthesised command name, which may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const seconds = (i: number) => (Number(fields[i]) + Number(fields[i + 1])) / TICKS_PER_SECOND;
  return { ppid: Number(fields[1]), cpuSeconds: seconds(11), exitedChildrenCpuSeconds: seconds(13) };
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Cumulative CPU seconds of something under test, or undefined where it cannot be measured. */
export type CpuProbe = () => number | undefined;

export const processCpu =
  (pid: number): CpuProbe =>
  () =>
    procStat(pid)?.cpuSeconds;

export const totalCpu =
  (probes: CpuProbe[]): CpuProbe =>
  () => {
    const values = probes.map((probe) => probe());
    return values.some((v) => v === undefined) ? undefined : values.reduce((sum, v) => sum! + v!, 0);
  };

/**
 * The postmaster and its children, those that have exited included: a pool closing an idle connection ends its
 * backend, whose CPU then counts in the postmaster's children's.
 */
export const postgresCpu =
  (dataDir: string): CpuProbe =>
  () => {
    const postmaster = Number((readOrUndefined(path.join(dataDir, 'postmaster.pid')) ?? '').split('\n')[0]);
    if (!postmaster || !fs.existsSync('/proc')) return undefined;
    let total = 0;
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const stat = procStat(Number(pid));
      if (stat && Number(pid) === postmaster) total += stat.cpuSeconds + stat.exitedChildrenCpuSeconds;
      else if (stat?.ppid === postmaster) total += stat.cpuSeconds;
    }
    return total;
  };

/** Busy and total jiffies of the whole machine, from /proc/stat; undefined where /proc is unavailable. */
function machineTicks(): { busy: number; total: number } | undefined {
  const stat = readOrUndefined('/proc/stat');
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
export function startCpuMeter(probes: Record<string, CpuProbe>): () => CpuUse {
  const started = performance.now();
  const machineBefore = machineTicks();
  const before = new Map<string, number | undefined>();
  for (const [name, probe] of Object.entries(probes)) before.set(name, probe());
  const benchBefore = process.cpuUsage();
  return () => {
    const wallSeconds = (performance.now() - started) / 1000;
    const cpuSeconds: Record<string, number> = {};
    for (const [name, probe] of Object.entries(probes)) {
      const [from, to] = [before.get(name), probe()];
      if (from !== undefined && to !== undefined) cpuSeconds[name] = to - from;
    }
    const bench = process.cpuUsage(benchBefore);
    cpuSeconds.bench_client = (bench.user + bench.system) / 1e6;
    const machineAfter = machineTicks();
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
