/**
 * Test records parsed from the fixture seeds (tests/fixtures/seeds/) by the ingest pipeline (scripts/ingest), so component tests see
 * what the site will publish. Cases the seeds lack (acknowledgements, hostile text) are made by replacing
 * top-level fields of a parsed record.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FIXTURE_SEEDS_DIR } from '../../../../tests/fixtures.ts';
import { parseDocument } from '../../../../scripts/ingest/index.ts';
import { recordSchema, type UnitYearRecord } from '../../../domain/schema/record.ts';

const SEEDS = pathToFileURL(`${FIXTURE_SEEDS_DIR}/`);
const cache = new Map<string, UnitYearRecord>();

/** The record of the seed whose file name starts with `prefix` ('000' … '004'). */
export function seedRecord(prefix: string): UnitYearRecord {
  const hit = cache.get(prefix);
  if (hit) return structuredClone(hit);
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}`);
  const { record, diagnostics } = parseDocument(readFileSync(new URL(file, SEEDS)), file);
  if (!record) throw new Error(`seed ${file} did not parse: ${diagnostics.map((d) => d.message).join('; ')}`);
  cache.set(prefix, recordSchema.parse(record));
  return structuredClone(cache.get(prefix)!);
}

/** A seed record with top-level fields replaced, validated against the schema. */
export function seedWith(prefix: string, overrides: Partial<UnitYearRecord>): UnitYearRecord {
  return recordSchema.parse({ ...seedRecord(prefix), ...overrides });
}
