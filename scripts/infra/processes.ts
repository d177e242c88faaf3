import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { freePort } from './ports';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** The build output; DIST_DIR lets parallel work trees of one checkout build and test without clobbering each other. */
export const distPath = (...parts: string[]) => path.join(repoRoot, process.env.DIST_DIR ?? 'dist', ...parts);

export type Env = Record<string, string | undefined>;

export interface AppProcess {
  pid: number;
  url?: string;
  stop(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  output(): string;
  exited: Promise<number | null>;
}

const OUTPUT_LINES = 200;
const STOP_TIMEOUT_MS = 20_000;
const READY_TIMEOUT_MS = 120_000;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return undefined;
}

export function run(command: string, args: string[], env: Env = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}${stdout}`));
        else resolve(stdout);
      },
    );
  });
}

export function spawnProcess(
  name: string,
  command: string,
  args: string[],
  options: { env?: Env; cwd?: string; onLine?: (line: string) => void; ownProcessGroup?: boolean } = {},
): AppProcess {
  const env = { ...process.env, ...options.env };
  const child = spawn(command, args, {
    cwd: options.cwd ?? repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup,
  });
  const lines: string[] = [];
  const remember = (line: string) => {
    lines.push(line);
    if (lines.length > OUTPUT_LINES) lines.shift();
  };
  let logFile: fs.WriteStream | undefined;
  if (env.APP_LOG_DIR) {
    fs.mkdirSync(env.APP_LOG_DIR, { recursive: true });
    logFile = fs.createWriteStream(path.join(env.APP_LOG_DIR, `${name}.log`), {
      flags: 'a',
    });
  }
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      remember(line);
      logFile?.write(`${line}\n`);
      options.onLine?.(line);
    });
  }
  // 'close' (not 'exit') so that output() is complete once `exited` resolves.
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (error) => remember(String(error)));
    child.once('close', (code) => {
      logFile?.end();
      resolve(code);
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null;

  return {
    pid: child.pid ?? 0,
    exited,
    output: () => lines.join('\n'),
    async stop() {
      let timer: NodeJS.Timeout | undefined;
      if (running()) {
        child.kill('SIGTERM');
        timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      }
      await exited;
      clearTimeout(timer);
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (running()) child.kill(signal);
      await exited;
    },
  };
}

export async function waitUntilReady(
  proc: AppProcess,
  name: string,
  isReady: () => Promise<boolean> | boolean,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<void> {
  let exitCode: number | null | undefined;
  void proc.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let problem: string | undefined;
    if (exitCode !== undefined) problem = `exited (code ${exitCode})`;
    else if (await isReady()) return;
    else if (Date.now() > deadline) problem = `not ready after ${timeoutMs} ms`;
    if (problem) {
      await proc.kill();
      const tail = proc.output().split('\n').slice(-50).join('\n');
      throw new Error(`${name} ${problem}; last output:\n${tail}`);
    }
    await sleep(100);
  }
}

function appScript(app: 'api' | 'worker'): string {
  return distPath('apps', app, 'src', 'main.js');
}

/** With CPU_PROFILE_DIR set, each app writes a V8 CPU profile there when it stops (for the benchmarks). */
function nodeArgs(): string[] {
  const dir = process.env.CPU_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/**
 * The API's V8 flags (docker/compose.yml starts it with the same). V8's helper threads (parallel scavenges, concurrent
 * marking) number the cores less one, as Node sizes them for 0, instead of Node's fixed four: on 2 cores shared with
 * PostgreSQL, four helpers contended with the API's own thread (A/B, catalogue searches, 50 clients: 3–8 % more
 * searches per second with one). No memory reducer: after each idle spell it shrank the heap, and the API came back
 * slower for the rest of the load (`catalog-search`, later rounds: 0.30–0.33 ms of CPU per search instead of 0.23,
 * text p99 50–60 ms instead of 30); a server's working heap is not memory to give back. 32 MB semi-spaces, as the
 * worker's: the rows and answers of 50 searches in flight (Vietnamese text: two-byte strings) outlived the default
 * young generation's scavenges, every ≈ 20 ms, which copied and promoted most of them, and a mark-compact followed
 * every ≈ 2 s (`catalog-search`: plain 3,737–4,309 → 4,492–4,594 searches/s, text p99 29–34 → 23–26 ms; `ingest`
 * RSS growth 72.8 MB). 64 MB broke ingest's memory bound.
 */
const API_NODE_FLAGS = ['--v8-pool-size=0', '--no-memory-reducer', '--max-semi-space-size=32'];

/**
 * `entry`: node's arguments naming what to run, the API unless a benchmark sets a stand-in beside it (which runs
 * with the API's flags, to compare like with like).
 */
export async function startApi(env: Env, entry = [appScript('api')]): Promise<AppProcess> {
  const port = env.API_PORT ?? process.env.API_PORT;
  if (!port) throw new Error('startApi: API_PORT is required');
  const url = `http://127.0.0.1:${port}`;
  const proc = spawnProcess('api', process.execPath, [...API_NODE_FLAGS, ...nodeArgs(), ...entry], {
    env,
  });
  await waitUntilReady(proc, 'api', async () => {
    try {
      const response = await fetch(`${url}/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      return response.status === 200;
    } catch {
      return false;
    }
  });
  return { ...proc, url };
}

/**
 * `count` API processes on free ports, each logging to its own folder under `logDir`, with their base URLs (a
 * benchmark's scale-out on one machine: the API is stateless). If one fails to start, those started are stopped.
 * `entry` as for startApi.
 */
export async function startApis(
  count: number,
  env: Env,
  logDir: string,
  entry?: string[],
): Promise<{ apis: AppProcess[]; urls: string[] }> {
  const apis: AppProcess[] = [];
  const urls: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      apis.push(await startApi({ ...env, API_PORT: String(port), APP_LOG_DIR: path.join(logDir, `api-${i}`) }, entry));
      urls.push(`http://127.0.0.1:${port}`);
    }
    return { apis, urls };
  } catch (error) {
    await Promise.allSettled(apis.map((api) => api.stop()));
    throw error;
  }
}

/**
 * The worker's V8 flags (docker/compose.yml starts it with the same): a settlement batch allocates tens of megabytes
 * of short-lived rows and parameters, and with the default young generation the worker spent a fifth of its time in
 * garbage collection while draining a backlog (`settlement` bench: 4,400 → 5,100 rounds/s with 32 MB semi-spaces).
 */
const WORKER_NODE_FLAGS = ['--max-semi-space-size=32'];

export async function startWorker(env: Env): Promise<AppProcess> {
  let ready = false;
  const proc = spawnProcess('worker', process.execPath, [...WORKER_NODE_FLAGS, ...nodeArgs(), appScript('worker')], {
    env,
    onLine(line) {
      if (!line.startsWith('{')) return;
      try {
        if ((JSON.parse(line) as { msg?: unknown }).msg === 'worker ready') ready = true;
      } catch {
        return;
      }
    },
  });
  await waitUntilReady(proc, 'worker', () => ready);
  return proc;
}
