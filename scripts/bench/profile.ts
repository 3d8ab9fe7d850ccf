/**
 * Summaries of V8 CPU profiles (`node --cpu-prof`): the functions with the most self time and the most
 * inclusive time, so a bench run names its hot spots without opening a profiler.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  /** `function file:line`, file shortened to its last two path segments. */
  frame: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  self: HotSpot[];
  inclusive: HotSpot[];
}

const frameOf = (n: ProfileNode): string =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;

/** Top `n` frames by self and by inclusive time (inclusive counted once per sample, recursion folded). */
export function summarizeProfile(profile: CpuProfile, file: string, n = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const timeOf = new Map<number, number>();
  profile.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, us] of timeOf) {
    total += us;
    const leaf = frameOf(byId.get(id)!);
    self.set(leaf, (self.get(leaf) ?? 0) + us);
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const f = frameOf(byId.get(x)!);
      if (seen.has(f)) continue;
      seen.add(f);
      inclusive.set(f, (inclusive.get(f) ?? 0) + us);
    }
  }
  const top = (m: Map<string, number>): HotSpot[] => [...m]
    .filter(([f]) => !/^\((root|program|idle)\)/.test(f))
    .sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([frame, us]) => ({ frame, ms: Math.round(us / 1000), percent: Math.round((us / total) * 1000) / 10 }));
  return { file, totalMs: Math.round(total / 1000), self: top(self), inclusive: top(inclusive) };
}

/** Summaries of every .cpuprofile in `dir` (the largest first). */
export function summarizeProfiles(dir: string, n = 15): ProfileSummary[] {
  let names: string[];
  try { names = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')); } catch { return []; }
  return names
    .map((f) => summarizeProfile(JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile, f, n))
    .sort((a, b) => b.totalMs - a.totalMs);
}
