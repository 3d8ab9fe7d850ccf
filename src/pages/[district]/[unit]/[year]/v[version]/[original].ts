/**
 * `/<district>/<unit>/<year>/v<N>/original.pdf`: the files of an earlier version of a corrected disclosure,
 * beside its page (the versions this build shows, as `v[version]/index.astro`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData } from '../../../../../lib/records.ts';
import { originalResponse, recordOriginals } from '../../../../../lib/originals.ts';
import { recordParams } from '../../../../../components/record/page-data.ts';
import { buildsDistrict } from '../../../../../lib/shard-filter.ts';
import type { OriginalRef } from '../../../../../domain/originals.ts';

export const getStaticPaths = (async () => {
  const { versions } = await getSiteData();
  return [...versions.values()].filter((list) => buildsDistrict(list[0]!.slug.district)).flatMap((list) => list.slice(0, -1).flatMap((summary) => recordOriginals(summary).map((original) => ({
    params: { ...recordParams(summary), version: String(summary.revision?.version ?? 1), original: original.name },
    props: { original },
  }))));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ original: OriginalRef }> = ({ props }) => originalResponse(props.original);
