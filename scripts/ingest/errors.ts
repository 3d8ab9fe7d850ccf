/**
 * Typed diagnostics for bad input. Everything the pipeline reports about a file is one of these, printed
 * as `file:line: message` — never a stack trace.
 */

/** Kinds of diagnosis; stable identifiers that tests and tools may count. */
export const DIAGNOSTIC_KINDS = [
  'empty',
  'binary',
  'encoding',
  'not-a-disclosure',
  'truncated',
  'missing-section',
  'duplicate-section',
  'section-order',
  'concatenated',
  'duplicate-record',
  'bad-figure',
  'sidecar',
  'io',
  'internal',
] as const;
export type DiagnosticKind = (typeof DIAGNOSTIC_KINDS)[number];

/** Kinds that are reported while the record is kept (with findings); every other kind leaves no record. */
export const NON_FATAL_KINDS: ReadonlySet<DiagnosticKind> = new Set(['missing-section', 'section-order']);

export interface Diagnostic {
  file: string;
  /** 1-based line inside the file. */
  line: number;
  kind: DiagnosticKind;
  message: string;
}

export class IngestError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(file: string, line: number, kind: DiagnosticKind, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'IngestError';
    this.diagnostic = { file, line: Math.max(1, line), kind, message };
  }
}

/** `file:line: message` */
export const formatDiagnostic = (d: Diagnostic): string => `${d.file}:${d.line}: ${d.message}`;
