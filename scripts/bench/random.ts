/**
 * A small deterministic PRNG (mulberry32) so that the same seed number always yields the same corpus,
 * on any machine and Node version (Math.random cannot be seeded).
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** `n` distinct elements in their original order (all of them when n ≥ length). */
  sample<T>(list: readonly T[], n: number): T[];
  /** A new generator derived from this one and a label, independent of how much this one is used later. */
  fork(label: string): Rng;
}

/** FNV-1a hash of a string, for deriving sub-seeds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator seeded with `seed` (any integer). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => {
      if (list.length === 0) throw new RangeError('pick from an empty list');
      return list[Math.floor(next() * list.length)]!;
    },
    sample: (list, n) => {
      const idx = list.map((_, i) => i);
      for (let i = idx.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [idx[i], idx[j]] = [idx[j]!, idx[i]!];
      }
      return idx.slice(0, Math.max(0, n)).sort((x, y) => x - y).map((i) => list[i]!);
    },
    fork: (label) => createRng((seed ^ hashString(label)) >>> 0),
  };
  return rng;
}
