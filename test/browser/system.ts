import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const repoRoot = path.resolve(__dirname, '..', '..');
const systemDir = path.join(repoRoot, '.local', 'browser');

/**
 * Starts the whole system as `npm start` does (scripts/run-system.ts: PostgreSQL, Redis, migrations, API with the
 * built web app, worker, demo data) in its own fresh directory, and stops it after the tests. WEB_BASE_URL set
 * beforehand points the tests at a system already running (e.g. `npm start`) instead.
 */
export default async function startSystem(): Promise<() => Promise<void>> {
  if (process.env.WEB_BASE_URL) return async () => {};
  fs.rmSync(systemDir, { recursive: true, force: true });
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'scripts/run-system.ts'], {
    cwd: repoRoot,
    env: { ...process.env, SYSTEM_DIR: systemDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let found: string | undefined;
    readline.createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      found ??= /^API\s+(http:\/\/\S+)$/.exec(line)?.[1];
      if (found && line.startsWith('Ctrl-C to stop')) resolve(found);
    });
    void exited.then((code) =>
      reject(new Error(`the system did not start (exit ${code}):\n${output.slice(-40).join('\n')}`)),
    );
  });
  process.env.WEB_BASE_URL = url;
  return async () => {
    child.kill('SIGINT');
    await exited;
  };
}
