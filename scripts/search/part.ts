/**
 * A shard's search index part (sharded builds, src/domain/shard.ts): one JSON line per indexed page, in
 * the code-point order of the page's file, holding the page analysed (`PageEntry`: words, positions,
 * filters) and its fragment already packed. The merge adds the parts' pages to one PagefindWriter in the
 * order of the whole site, so the merged index is the bytes a single build writes, without reading or
 * segmenting the pages again.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import type { PageEntry, PageWord } from './pagefind-writer.ts';

/** A part line: `file` (relative to the output folder), the entry and the packed fragment (base64). */
interface PartLine {
  file: string;
  url: string;
  sha: string;
  wc: number;
  mk: string[];
  /** [word, positions, weights (0 when every position has the body weight), meta pairs] */
  w: [string, number[], number[] | 0, number[]][];
  f: [string, string[]][];
  frag: string;
}

/** Encodes one page of a part (a line without its newline). */
export function encodePartLine(file: string, entry: PageEntry, packedFragment: Uint8Array): string {
  const line: PartLine = {
    file, url: entry.url, sha: entry.fragmentSha256, wc: entry.wordCount, mk: entry.metaKeys,
    w: entry.words.map(([w, e]) => [w, e.positions, e.weighted ? e.weights : 0, e.meta]),
    f: entry.filters, frag: Buffer.from(packedFragment).toString('base64'),
  };
  return JSON.stringify(line);
}

/** Decodes a part line. */
export function decodePartLine(text: string): { file: string; entry: PageEntry; packedFragment: Uint8Array } {
  const l = JSON.parse(text) as PartLine;
  const words = l.w.map(([w, positions, weights, meta]): [string, PageWord] => [w, {
    positions, weights: weights === 0 ? [] : weights, weighted: weights !== 0, meta,
  }]);
  return {
    file: l.file,
    entry: { url: l.url, fragmentSha256: l.sha, wordCount: l.wc, metaKeys: l.mk, words, filters: l.f },
    packedFragment: Buffer.from(l.frag, 'base64'),
  };
}

/** Appends lines to a part file. */
export class PartWriter {
  private readonly fd: number;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(line: string): void {
    writeSync(this.fd, `${line}\n`);
  }
  close(): void {
    closeSync(this.fd);
  }
}

/** Reads a part file line by line, in bounded memory. */
export class PartReader {
  private readonly fd: number;
  private readonly buffer = Buffer.alloc(1 << 20);
  private pending: Buffer[] = [];
  private lines: string[] = [];
  private eof = false;
  private nextLine: string | null | undefined;

  readonly path: string;

  constructor(path: string) {
    this.path = path;
    this.fd = openSync(path, 'r');
  }

  /** The next line without consuming it; null at the end. */
  peek(): string | null {
    if (this.nextLine === undefined) this.nextLine = this.read();
    return this.nextLine;
  }

  /** Consumes the line `peek` returned. */
  take(): string | null {
    const line = this.peek();
    this.nextLine = undefined;
    return line;
  }

  private read(): string | null {
    while (!this.lines.length && !this.eof) {
      const n = readSync(this.fd, this.buffer, 0, this.buffer.length, null);
      if (n === 0) {
        this.eof = true;
        const rest = Buffer.concat(this.pending).toString('utf8');
        this.pending = [];
        if (rest) this.lines.push(rest);
        break;
      }
      let start = 0;
      for (let i = this.buffer.indexOf(0x0a, 0); i >= 0 && i < n; i = this.buffer.indexOf(0x0a, start)) {
        this.pending.push(Buffer.from(this.buffer.subarray(start, i)));
        this.lines.push(Buffer.concat(this.pending).toString('utf8'));
        this.pending = [];
        start = i + 1;
      }
      if (start < n) this.pending.push(Buffer.from(this.buffer.subarray(start, n)));
    }
    return this.lines.shift() ?? null;
  }

  close(): void {
    closeSync(this.fd);
  }
}
