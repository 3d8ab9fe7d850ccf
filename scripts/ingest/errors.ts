/**
 * Typed diagnostics for bad input. Everything the pipeline reports about a file is one of these, printed
 * as `file:line: message` — never a stack trace.
 */
import { relative } from 'node:path';

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
  'scanned',
  'encrypted',
  'damaged',
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

/** Why a write failed, by error code, and what to do about it. */
const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: '磁盘空间已满；请腾出空间',
  EDQUOT: '超出磁盘配额；请腾出空间',
  EACCES: '没有写入权限；请检查文件夹的权限',
  EPERM: '没有写入权限；请检查文件夹的权限',
  EROFS: '文件系统是只读的；请换一个可写的位置',
  ENOTDIR: '路径中有一部分是文件而不是文件夹；请检查路径',
  EISDIR: '要写的文件是一个文件夹；请检查路径',
  ENAMETOOLONG: '路径或文件名过长；请换一个较短的位置',
  EMFILE: '同时打开的文件过多；请稍后重试',
  ENFILE: '同时打开的文件过多；请稍后重试',
  EIO: '磁盘读写出错；请检查磁盘',
};

/**
 * A failed write into `dir` (content/) as a diagnostic: `path:1: 无法写入…（ENOSPC）…`. The previous
 * content/ is left as it was (writes go to a temporary folder first), which the message says.
 */
export function writeFailure(e: unknown, dir: string): unknown {
  const err = e as NodeJS.ErrnoException;
  // Not a failed system call (a bug): left as it is.
  if (e instanceof IngestError || typeof err?.code !== 'string' || !/^E[A-Z]+$/.test(err.code)) return e;
  const code = err.code;
  const at = err.path ?? dir;
  const rel = relative(process.cwd(), at);
  const path = rel && !rel.startsWith('..') ? rel : at;
  const why = WRITE_FAILURES[code] ?? err.message;
  return new IngestError(path, 1, 'io', `无法写入（${code}）：${why}；${dir} 保持原样，处理后请重新运行 npm run ingest`);
}
