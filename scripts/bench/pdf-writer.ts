/**
 * A tiny PDF writer for tests and the bench: pages of positioned Chinese text, image-only pages (a "scan"),
 * and a password-protected variant. Text uses the standard Adobe-GB1 font STSong-Light with the
 * UniGB-UCS2-H CMap, not embedded — so reading it back exercises the CJK CMaps PDF.js ships.
 */
import { createHash } from 'node:crypto';

export interface PdfText {
  /** Left edge, PDF units from the left of the page. */
  x: number;
  /** Baseline, PDF units from the TOP of the page (converted to PDF's bottom-up y here). */
  y: number;
  size: number;
  text: string;
}

export type PdfPage = { kind: 'text'; items: PdfText[] } | { kind: 'image' };

export interface PdfOptions {
  width?: number;
  height?: number;
  /** Protect with this user password (RC4 40-bit, revision 2): readers without it cannot open the file. */
  userPassword?: string;
}

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

/** UCS-2 big-endian hex of a string (characters outside the BMP are dropped). */
function ucs2Hex(text: string): string {
  let hex = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code > 0xffff) continue;
    hex += code.toString(16).padStart(4, '0');
  }
  return hex;
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let a = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    a = (a + 1) & 255;
    j = (j + s[a]!) & 255;
    [s[a], s[j]] = [s[j]!, s[a]!];
    out[k] = data[k]! ^ s[(s[a]! + s[j]!) & 255]!;
  }
  return out;
}

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const padded = (password: string): Buffer => Buffer.concat([latin1(password), PAD]).subarray(0, 32);
const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();

/** The /Encrypt dictionary of the standard security handler, revision 2 (PDF 1.7 §7.6.3.3–4). */
function encryptDict(user: string, id: Buffer): string {
  const owner = rc4(md5(padded(`${user}-owner`)).subarray(0, 5), padded(user));
  const permissions = -4;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(padded(user), owner, p, id).subarray(0, 5);
  const u = rc4(key, PAD);
  return `<< /Filter /Standard /V 1 /R 2 /Length 40 /P ${permissions} /O <${owner.toString('hex')}> /U <${u.toString('hex')}> >>`;
}

/** Writes a PDF. Deterministic: the same pages give the same bytes. */
export function writePdf(pages: PdfPage[], options: PdfOptions = {}): Buffer {
  const width = options.width ?? 595;
  const height = options.height ?? 842;
  const objects: (string | Buffer)[] = [];
  const add = (body: string | Buffer): number => objects.push(body);
  const stream = (dict: string, data: Buffer): Buffer =>
    Buffer.concat([latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream')]);

  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [' + String(objects.length + 2) + ' 0 R] >>');
  add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ' + String(objects.length + 2) + ' 0 R /DW 1000 /W [1 95 500] >>');
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const image = add(stream('/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8', Buffer.from([0x20, 0xe0, 0xe0, 0x20])));

  const kids: number[] = [];
  for (const page of pages) {
    let content: string;
    if (page.kind === 'image') {
      content = `q ${width - 100} 0 0 ${height - 100} 50 50 cm /Im1 Do Q`;
    } else {
      content = page.items
        .map((t) => `BT /F1 ${t.size} Tf ${t.x.toFixed(2)} ${(height - t.y).toFixed(2)} Td <${ucs2Hex(t.text)}> Tj ET`)
        .join('\n');
    }
    const contents = add(stream('', latin1(content)));
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Contents ${contents} 0 R /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const id = md5(Buffer.from(JSON.stringify(pages)));
  const encrypt = options.userPassword === undefined ? null : add(encryptDict(options.userPassword, id));

  const chunks: Buffer[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([latin1(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, latin1('\nendobj\n')]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(latin1(xref + trailer));
  return Buffer.concat(chunks);
}

/** Lines wrapped at `width` characters, as a PDF prints a paragraph (an empty line stays one line). */
export function wrapLines(lines: readonly string[], width = 40): string[] {
  return lines.flatMap((line) => {
    const chars = [...line];
    const out: string[] = [];
    for (let k = 0; k === 0 || k < chars.length; k += width) out.push(chars.slice(k, k + width).join(''));
    return out;
  });
}

/** Lays lines of text out on A4 pages, `perPage` lines a page, with a page number at the foot of each. */
export function textPages(lines: string[], perPage = 40, size = 10.5): PdfPage[] {
  const pages: PdfPage[] = [];
  for (let start = 0; start < lines.length; start += perPage) {
    const items: PdfText[] = [];
    lines.slice(start, start + perPage).forEach((line, i) => {
      // Columns of a text-seed table row (cells separated by tabs, or runs of 2+ spaces) are placed apart.
      const cells = line.split(/\t| {2,}/);
      let x = 60;
      for (const cell of cells) {
        if (cell.trim()) items.push({ x, y: 70 + i * 18, size, text: cell.trim() });
        x += Math.max(90, [...cell].length * size + 20);
      }
    });
    items.push({ x: 290, y: 800, size: 9, text: `- ${pages.length + 1} -` });
    pages.push({ kind: 'text', items });
  }
  return pages;
}
