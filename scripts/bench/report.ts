/**
 * The bench result as a table (stdout) and the targets of issue 8 checked against it.
 */
import type { BenchResult } from './run.ts';

export interface TargetCheck {
  name: string;
  target: string;
  value: string;
  /** null when the stage did not run. */
  met: boolean | null;
}

const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
const kb = (b: number): string => `${(b / 1024).toFixed(1)} KB`;
const s = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);

/** Issue 8's targets against a result. */
export function checkTargets(r: BenchResult): TargetCheck[] {
  const pw = r.pageWeight;
  const htmlCss = pw?.typical ? pw.typical.htmlGzip + pw.typical.cssGzip : null;
  const chartJs = pw ? (pw.chart?.jsGzip ?? 0) : null;
  return [
    { name: 'ingest throughput', target: '≥ 2,000 docs/s', value: `${r.ingest.docsPerSec} docs/s (${r.ingest.docsPerCpuSec ?? '—'} per CPU-s)`, met: r.ingest.ok ? r.ingest.docsPerSec >= 2000 : null },
    { name: 'full build vs bare Astro', target: '≤ 2 ×', value: r.ratio ? `${r.ratio.wall} × wall (${r.ratio.cpu ?? '—'} × CPU)` : '—', met: r.ratio ? r.ratio.wall <= 2 : null },
    { name: 'full build vs same-bytes bare Astro', target: '≤ 1.5 ×', value: r.ratioSameBytes ? `${r.ratioSameBytes.wall} × wall (${r.ratioSameBytes.cpu ?? '—'} × CPU)` : '—', met: r.ratioSameBytes ? r.ratioSameBytes.wall <= 1.5 : null },
    { name: `peak RSS (${r.docs} pages)`, target: '≤ 2.5 GB at 20,000', value: r.build ? mb(r.build.peakRssBytes) : '—', met: r.build ? r.build.peakRssBytes <= 2.5 * 1024 ** 3 : null },
    { name: 'unit-year page HTML+CSS gzip', target: '≤ 30 KB', value: htmlCss === null ? '—' : kb(htmlCss), met: htmlCss === null ? null : htmlCss <= 30 * 1024 },
    { name: 'chart JS gzip', target: '≤ 60 KB', value: chartJs === null ? '—' : pw?.chart ? kb(chartJs) : 'no chart page', met: chartJs === null ? null : chartJs <= 60 * 1024 },
    { name: 'PDF reader', target: '30 pages in well under 1 s (≥ 60 pages/s)', value: r.pdf ? `${r.pdf.readPagesPerSec} pages/s` : '—', met: r.pdf ? r.pdf.ok && r.pdf.readPagesPerSec >= 60 : null },
    { name: 'edit visible in dev preview', target: '< 2 s', value: s(r.rebuild.dev?.changeVisibleMs), met: r.rebuild.dev ? (r.rebuild.dev.changeVisibleMs ?? Infinity) < 2000 : null },
  ];
}

/** The result as aligned text rows. */
export function formatReport(r: BenchResult): string {
  const rows: [string, string][] = [];
  const add = (k: string, v: string): void => { rows.push([k, v]); };
  add('machine', `${r.machine.nproc} CPU (${r.machine.cpu}), ${mb(r.machine.memoryBytes)}, node ${r.machine.node}, load ${r.machine.loadAverageAtStart.map((x) => x.toFixed(1)).join('/')} → ${r.machine.loadAverageAtEnd.map((x) => x.toFixed(1)).join('/')}`);
  add('corpus', `${r.corpus.docs} docs, ${(r.corpus.bytes / 1e6).toFixed(1)} MB, generated in ${s(r.corpus.generateMs)}`);
  const i = r.ingest;
  add('ingest (read + parse + write)', `${i.docsPerSec} docs/s, ${i.mbPerSec} MB/s, ${i.docsPerCpuSec ?? '—'} docs per CPU-s`);
  add('ingest (whole command)', `${s(i.wallMs)} wall (start-up ${s(i.startupMs)}, read + parse + write ${s(i.parseMs + i.writeMs)}), ${s(i.cpuMs)} CPU, ${i.docsPerSecEndToEnd} docs/s, peak RSS ${mb(i.peakRssBytes)}, ${i.records} records`);
  const pdf = r.pdf;
  if (pdf) {
    add('PDF documents (reader)', `${pdf.readPagesPerSec} pages/s warm (${pdf.files} PDFs, ${pdf.pages} pages, ${(pdf.bytes / 1e6).toFixed(1)} MB; slowest ${s(pdf.slowest.ms)} for ${pdf.slowest.pages} pages; first read with module loading ${s(pdf.firstMs)}), peak RSS ${mb(pdf.peakRssBytes)}${pdf.ok ? '' : ' FAILED'}`);
    add('PDF documents (read + parse)', `${pdf.parsePagesPerSec} pages/s, ${pdf.records} records`);
  }
  if (r.shard) add('shard', `${r.shard.index}/${r.shard.count}: ${r.shard.districts} of ${r.shard.allDistricts} districts (its pages, downloads and search part only)`);
  if (r.build) {
    const b = r.build;
    add('build: ingest CLI', `${s(b.ingest.wallMs)} wall, ${s(b.ingest.cpuMs)} CPU, peak RSS ${mb(b.ingest.peakRssBytes)}${b.ingest.ok ? '' : ' FAILED'}`);
    add('build: astro build', `${s(b.astro.wallMs)} wall, ${s(b.astro.cpuMs)} CPU, peak RSS ${mb(b.astro.peakRssBytes)}${b.astro.ok ? '' : ' FAILED'}`);
    add('build: search index', b.search ? `${s(b.search.wallMs)} wall, ${s(b.search.cpuMs)} CPU, peak RSS ${mb(b.search.peakRssBytes)}${b.search.ok ? '' : ' FAILED'}` : 'not run');
    add('full build', `${s(b.wallMs)} wall, ${s(b.cpuMs)} CPU, ${b.pages} pages (${b.unitYearPages} unit-year), ${b.pagesPerSec} pages/s, peak RSS ${mb(b.peakRssBytes)}, dist ${mb(b.dist.bytes)} in ${b.dist.files} files`);
  }
  if (r.baseline) add('bare-Astro baseline', `${s(r.baseline.wallMs)} wall, ${s(r.baseline.cpuMs)} CPU, ${r.baseline.pages} pages, ${r.baseline.pagesPerSec} pages/s, peak RSS ${mb(r.baseline.peakRssBytes)}${r.baseline.ok ? '' : ' FAILED'}`);
  if (r.ratio) add('full / baseline', `${r.ratio.wall} × wall, ${r.ratio.cpu ?? '—'} × CPU`);
  const sb = r.baselineSameBytes;
  if (sb) add('same-bytes baseline', `${s(sb.wallMs)} wall, ${s(sb.cpuMs)} CPU, ${sb.pages} pages, ${sb.pagesPerSec} pages/s, dist ${mb(sb.dist.bytes)}, peak RSS ${mb(sb.peakRssBytes)}${sb.ok ? '' : ' FAILED'}`);
  if (r.ratioSameBytes) add('full / same-bytes baseline', `${r.ratioSameBytes.wall} × wall, ${r.ratioSameBytes.cpu ?? '—'} × CPU`);
  const w = r.pageWeight;
  if (w) {
    const line = (p: typeof w.typical): string => (p ? `HTML ${kb(p.htmlGzip)}, CSS ${kb(p.cssGzip)}, JS ${kb(p.jsGzip)} gzip (${p.page})` : 'none');
    add('typical unit-year page', line(w.typical));
    add('chart page', line(w.chart));
    add('chart-less page', line(w.chartless));
  }
  const rb = r.rebuild.build;
  const cpuOf = (ms: number | null | undefined): string => (ms === undefined ? '' : ` / ${s(ms)} CPU`);
  if (rb) {
    add('rebuild after 1 seed (build)', `${s(rb.wallMs)} wall (ingest ${s(rb.ingestMs)}${cpuOf(rb.ingestCpuMs)}, astro ${s(rb.astroMs)}${cpuOf(rb.astroCpuMs)}, `
      + `search ${s(rb.searchMs)}${cpuOf(rb.searchCpuMs)}), ${s(rb.cpuMs)} CPU${rb.ok ? '' : ' FAILED'}`);
  }
  const d = r.rebuild.dev;
  if (d) add(`rebuild after 1 seed (dev, ${d.mode})`, `${d.changeVisibleMs === null ? 'not visible' : s(d.changeVisibleMs)} until visible${d.editCpuMs === undefined ? '' : ` (${s(d.editCpuMs)} CPU)`}; server up in ${s(d.startupMs)}${d.readyMs ? `, seeds watched after ${s(d.readyMs)}` : ''}, peak RSS ${mb(d.peakRssBytes)}${d.error ? ` — ${d.error.split('\n')[0]}` : ''}`);
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  if (r.build) for (const p of r.build.astro.phases) lines.push(`  astro: ${p}`);
  for (const [name, list] of Object.entries(r.profiles ?? {})) {
    for (const p of list.slice(0, 2)) {
      lines.push('', `profile ${name} (${p.file}, ${s(p.totalMs)} sampled), self time:`);
      for (const h of p.self.slice(0, 10)) lines.push(`  ${String(h.percent).padStart(5)}%  ${h.frame}`);
    }
  }
  lines.push('', 'targets:');
  for (const t of checkTargets(r)) lines.push(`  ${t.met === null ? '·' : t.met ? '✓' : '✗'} ${t.name}: ${t.value} (target ${t.target})`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
