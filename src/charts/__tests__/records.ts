/** The records `npm run ingest` publishes from the fixture seeds (tests/fixtures.ts), parsed by the schema. */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fixtureContentDir } from '../../../tests/fixtures.ts';
import { recordSchema, type UnitYearRecord } from '../../domain/schema/record.ts';

const RECORDS = pathToFileURL(`${await fixtureContentDir()}/records/`);

/** The published record `<district>/<unit>/<year>`, a fresh copy each call. */
export function contentRecord(id: string): UnitYearRecord {
  return recordSchema.parse(JSON.parse(readFileSync(new URL(`${id}.json`, RECORDS), 'utf8')));
}
