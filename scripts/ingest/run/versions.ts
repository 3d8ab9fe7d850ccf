/**
 * Versions of one unit-year. Several seeds may hold the same unit-year (record id) only as a chain of
 * re-issues: the original disclosure (version 1) and corrections of it, each naming the seed it replaces in
 * its sidecar (`replaces: <seed file>`). Of two seeds of a unit-year, without `replaces:`, a draft beside a
 * published seed replaces it (the common case: an official copies the published text, fixes it and marks
 * the copy `status: draft` to preview it), and once both are published, the one with 更正说明
 * (`corrections:`) replaces the one without (the draft published by removing `status: draft`). Anything else — two published seeds, two drafts, two corrections
 * of one seed, a `replaces:` naming a seed of another unit-year — is an error that names the files.
 */
import { basename } from 'node:path';
import type { Diagnostic } from '../errors.ts';
import type { IngestSummary } from './parse-file.ts';

/** One seed of a unit-year: its index in the file list, its file as shown, its summary. */
export interface Member {
  k: number;
  file: string;
  summary: IngestSummary;
}

/** The members in version order (original first), or the diagnostics that keep members out. */
export interface Versions {
  /** Indices (`Member.k`) in version order; empty when the group is rejected as a whole. */
  order: number[];
  /** Diagnostics by `Member.k` for the members left out. */
  rejected: Map<number, Diagnostic>;
}

const names = (members: readonly Member[]): string => members.map((m) => m.file).join('、');

/** The seed `replaces` names: by its path relative to seeds/, or by its file name alone. */
function target(members: readonly Member[], replaces: string): Member | undefined {
  const want = replaces.trim();
  return members.find((m) => m.summary.source === want)
    ?? members.find((m) => basename(m.summary.source) === basename(want));
}

/**
 * Orders the members of one unit-year (two or more seeds with the same record id) into versions, or says
 * why they cannot all be published.
 */
export function resolveVersions(members: readonly Member[]): Versions {
  const rejected = new Map<number, Diagnostic>();
  const { unit, year } = members[0]!.summary;
  const what = `${unit} ${year}年`;

  // replaces: naming a seed that is not another version of this unit-year.
  const live = members.filter((m) => {
    const r = m.summary.release.replaces;
    if (r === undefined) return true;
    const t = target(members, r);
    if (t && t !== m) return true;
    rejected.set(m.k, {
      file: m.file, line: 1, kind: 'sidecar',
      message: `元数据文件中 replaces 写的是“${r}”，但${t === m ? '那是本文件自己' : `没有这份${what}的公开文件`}；`
        + `应为被本文件更正的那份${what}公开文件的文件名（${names(members.filter((x) => x !== m)) || '目前没有'}），并保留那份文件，更正前的版本才能继续查阅`,
    });
    return false;
  });
  if (live.length < 2) return { order: live.map((m) => m.k), rejected };

  // The previous version of each member.
  const previous = new Map<number, Member>();
  const explicit = live.some((m) => m.summary.release.replaces !== undefined);
  if (explicit) {
    for (const m of live) {
      const r = m.summary.release.replaces;
      const t = r === undefined ? undefined : target(live, r);
      if (t) previous.set(m.k, t);
    }
  } else {
    const drafts = live.filter((m) => m.summary.release.status === 'draft');
    const published = live.filter((m) => m.summary.release.status === 'published');
    const corrected = published.filter((m) => m.summary.release.corrected);
    if (live.length === 2 && drafts.length === 1 && published.length === 1) previous.set(drafts[0]!.k, published[0]!);
    else if (live.length === 2 && published.length === 2 && corrected.length === 1) {
      previous.set(corrected[0]!.k, published.find((m) => m !== corrected[0])!);
    }
  }

  // A chain: one original, each version replaced by at most one other, every member reached.
  const next = new Map<number, Member[]>();
  for (const [k, p] of previous) next.set(p.k, [...(next.get(p.k) ?? []), live.find((m) => m.k === k)!]);
  const roots = live.filter((m) => !previous.has(m.k));
  const forked = [...next.entries()].find(([, list]) => list.length > 1);
  const order: Member[] = [];
  if (roots.length === 1 && !forked) {
    for (let m: Member | undefined = roots[0]; m && order.length <= live.length; m = next.get(m.k)?.[0]) order.push(m);
  }
  if (order.length === live.length) return { order: order.map((m) => m.k), rejected };

  // Not a chain: nothing of this unit-year is published, each file told why.
  let message: string;
  if (forked) {
    const [k, list] = forked;
    message = `${what}的 ${names(list)} 都声明更正 ${live.find((m) => m.k === k)!.file}；一份公开文件只能有一份更正稿，请删除多余的一份，或让后一份更正稿的 replaces 写前一份更正稿的文件名`;
  } else {
    const published = live.filter((m) => m.summary.release.status === 'published');
    const state = published.length === live.length ? `${live.length}份都将发布` : published.length === 0 ? `${live.length}份都是草稿` : `其中${published.length}份将发布`;
    message = `${what}的公开文件重复：${names(live)}（${state}）；同一单位同一年只能公开一份。`
      + '若其中一份是对已发布文件的更正，请在更正稿的元数据文件（文件名后加 .meta.yml）中写 replaces: <被更正的文件名>；否则请删除多余的一份';
  }
  for (const m of live) rejected.set(m.k, { file: m.file, line: m.summary.unitLine, kind: 'duplicate-record', message });
  return { order: [], rejected };
}
