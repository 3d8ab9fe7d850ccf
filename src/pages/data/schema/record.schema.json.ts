/**
 * /data/schema/record.schema.json: the JSON Schema of a record file (…/<year>/record.json), generated from
 * the zod schema the ingest validates with (src/domain/schema/record.ts), doc comments as descriptions.
 */
import type { APIRoute } from 'astro';
import { paths } from '../../../lib/records.ts';
import { recordJsonSchema } from '../../../lib/record-json-schema.ts';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('record.schema.json needs `site` for its $id');
  return new Response(`${JSON.stringify(recordJsonSchema(site, paths.recordSchema), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
};
