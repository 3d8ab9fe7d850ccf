/**
 * Runs a child process and measures it: wall time, CPU time of the whole process tree (user + system, via
 * /usr/bin/time when installed), peak resident memory of the tree (the sum of VmRSS over the child and its
 * descendants, sampled from /proc every 100 ms) and the largest single process (VmHWM).
 *
 * On a shared machine wall time includes waiting for the CPU; CPU time does not, so both are reported.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measurement {
  /** Exit code (null when killed by a signal). */
  code: number | null;
  wallMs: number;
  /** User + system CPU of the child and its waited-for descendants; null without /usr/bin/time. */
  cpuMs: number | null;
  /** Peak of the summed resident memory of the process tree (sampled). */
  peakTreeRssBytes: number;
  /** Peak resident memory of the largest single process of the tree. */
  peakProcessRssBytes: number;
  stdout: string;
  stderr: string;
  /** True when the tree was killed for exceeding `maxRssBytes`. */
  killedForMemory: boolean;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the tree after this long (default: no limit). */
  timeoutMs?: number;
  /** Echo output lines as they come (for long stages). */
  echo?: boolean;
  /** Kill the tree when its resident memory exceeds this (a shared machine must not run out of memory). */
  maxRssBytes?: number;
}

const TIME = '/usr/bin/time';

/** Parent pid of every process, from /proc/<pid>/stat (fields after the parenthesised command name). */
function parentMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try { stat = readFileSync(`/proc/${name}/stat`, 'utf8'); } catch { continue; }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid);
    if (list) list.push(Number(name));
    else children.set(ppid, [Number(name)]);
  }
  return children;
}

/** The pid and all its descendants. */
export function processTree(pid: number): number[] {
  const children = parentMap();
  const out: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

/** VmRSS and VmHWM of a process in bytes (0 when it has gone). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s*(\\d+)`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/**
 * CPU time (user + system, ms) used so far by the live processes of a tree: utime and stime of each
 * /proc/<pid>/stat, in clock ticks (100 per second on Linux). Ended children are not counted, so only
 * differences over a running server's lifetime are meaningful (e.g. the CPU of one edit).
 */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch { /* gone */ }
  }
  return ticks * 10;
}

/** Sends a signal to a process group started by `run` (detached), ignoring one that has already ended. */
export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

/** A started child: its pid, its output so far, and its measurement once it ends. */
export interface Started {
  pid: number;
  output(): string;
  finished: Promise<Measurement>;
}

/** Starts `command args` in its own process group and measures it until it ends (see module doc). */
export function start(command: string, args: string[], options: RunOptions): Started {
  const useTime = existsSync(TIME);
  const tmp = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(tmp, 'time');
  const argv = useTime ? ['-f', '%e %U %S %M', '-o', timeFile, command, ...args] : args;
  const started = performance.now();
  const child = spawn(useTime ? TIME : command, argv, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d; if (options.echo) process.stdout.write(d); });
  child.stderr.on('data', (d: Buffer) => { stderr += d; if (options.echo) process.stderr.write(d); });
  let peakTree = 0;
  let peakProcess = 0;
  let killedForMemory = false;
  const sample = (): void => {
    if (child.pid === undefined) return;
    let sum = 0;
    for (const pid of processTree(child.pid)) {
      const { rss, hwm } = memoryOf(pid);
      sum += rss;
      peakProcess = Math.max(peakProcess, hwm);
    }
    peakTree = Math.max(peakTree, sum);
    if (options.maxRssBytes && sum > options.maxRssBytes && !killedForMemory) {
      killedForMemory = true;
      killGroup(child.pid, 'SIGKILL');
    }
  };
  const timer = setInterval(sample, 100);
  const killer = options.timeoutMs ? setTimeout(() => child.pid && killGroup(child.pid, 'SIGKILL'), options.timeoutMs) : null;
  const finished = new Promise<Measurement>((resolve) => {
    child.on('close', (code) => {
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      const wallMs = performance.now() - started;
      let cpuMs: number | null = null;
      if (useTime && existsSync(timeFile)) {
        // The last line holds the figures (time prints "Command exited with non-zero status N" before it).
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const [, user, sys, maxKb] = last.split(' ').map(Number);
        if (user !== undefined && sys !== undefined && !Number.isNaN(user + sys)) cpuMs = Math.round((user + sys) * 1000);
        if (maxKb) peakProcess = Math.max(peakProcess, maxKb * 1024);
      }
      rmSync(tmp, { recursive: true, force: true });
      resolve({ code, wallMs: Math.round(wallMs), cpuMs, peakTreeRssBytes: Math.max(peakTree, peakProcess), peakProcessRssBytes: peakProcess, stdout, stderr, killedForMemory });
    });
  });
  return { pid: child.pid!, output: () => stdout + stderr, finished };
}

/** Runs `command args` to its end and measures it. Never rejects for a failing command. */
export const run = (command: string, args: string[], options: RunOptions): Promise<Measurement> => start(command, args, options).finished;
