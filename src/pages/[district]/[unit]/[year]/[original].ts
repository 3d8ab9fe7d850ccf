/**
 * `/<district>/<unit>/<year>/original.pdf` (`original-1.pdf`, `original-2.pdf`… for a disclosure in several
 * files; `.docx`, `.html.txt`): the files the disclosure was published as, copied from content/originals/.
 * Figures read from a PDF link to `original.pdf#page=N`. Plain text seeds have none.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getVisibleRecords } from '../../../../lib/records.ts';
import { originalResponse, recordOriginals } from '../../../../lib/originals.ts';
import { recordParams } from '../../../../components/record/page-data.ts';
import { buildsDistrict } from '../../../../lib/shard-filter.ts';
import type { OriginalRef } from '../../../../domain/originals.ts';

export const getStaticPaths = (async () => (await getVisibleRecords()).filter((s) => buildsDistrict(s.slug.district)).flatMap((summary) =>
  recordOriginals(summary).map((original) => ({ params: { ...recordParams(summary), original: original.name }, props: { original } })),
)) satisfies GetStaticPaths;

export const GET: APIRoute<{ original: OriginalRef }> = ({ props }) => originalResponse(props.original);
