/** The records `npm run ingest` published from the real seeds (content/records), parsed by the schema. */
import { readFileSync } from 'node:fs';
import { recordSchema, type UnitYearRecord } from '../../domain/schema/record.ts';

const RECORDS = new URL('../../../content/records/', import.meta.url);

/** The published record `<district>/<unit>/<year>`, a fresh copy each call. */
export function contentRecord(id: string): UnitYearRecord {
  return recordSchema.parse(JSON.parse(readFileSync(new URL(`${id}.json`, RECORDS), 'utf8')));
}
