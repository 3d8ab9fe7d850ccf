import { sidecarSchema, type Sidecar } from './sidecar.ts';

/** Release state of a record, taken from its sidecar. */
export const releaseSchema = sidecarSchema;
export type Release = Sidecar;
