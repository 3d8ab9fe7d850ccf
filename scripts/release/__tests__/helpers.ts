/** Helpers for the release tests: run a CLI as a user would, with its own working folder and environment. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, SEEDS, SEEDS_DIR } from '../../ingest/__tests__/helpers.ts';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Variables Vitest puts into process.env (its import.meta.env). A child `astro build` must not inherit
 * them: with DEV=1 it would build a preview.
 */
const TEST_RUNNER_ENV = new Set(['TEST', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'BASE_URL', 'ASSETS_PREFIX']);

/** Environment for a child process: this one without test-runner and release overrides, plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || key.startsWith('GONGKAI_') || TEST_RUNNER_ENV.has(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/** `npm run --silent <script> -- <args>` in the repository root. */
export function runNpmScript(script: string, args: string[], env: Record<string, string> = {}): RunResult {
  const r = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: REPO_ROOT, encoding: 'utf8', env: childEnv(env), timeout: 120_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `node scripts/cli/<name>.ts <args>` with another working folder (e.g. a temp git repository). */
export function runCli(name: string, args: string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/cli', `${name}.ts`), ...args], {
    cwd, encoding: 'utf8', env: childEnv(env), timeout: 120_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Copies the five seed files (without any sidecar) into `dir`. */
export function copySeeds(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of Object.values(SEEDS)) cpSync(join(SEEDS_DIR, name), join(dir, name));
}

/** The date after / before an ISO date (UTC arithmetic on a calendar date). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
