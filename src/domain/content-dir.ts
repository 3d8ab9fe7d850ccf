/**
 * Where ingest writes content/ and the site reads it: `GONGKAI_CONTENT_DIR`, else `content` (relative to the
 * project root). Tests and the benchmark point builds at temporary folders with it. The one place the
 * variable is read.
 */
export const contentDir = (env: Record<string, string | undefined> = process.env): string => env.GONGKAI_CONTENT_DIR || 'content';
