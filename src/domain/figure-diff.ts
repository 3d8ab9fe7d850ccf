/**
 * What changed between two sets of records. A record's "figures" are every member of its keyFigures,
 * flattened to dotted paths (`keyFigures.threePublic.reception`, `keyFigures.expenditureByFunction.教育支出`),
 * plus the number of its findings by severity (`findings.error`, `findings.warning`, `findings.info`).
 * Records are matched by id (`<district>/<unit>/<year>`).
 */
import type { UnitYearRecord } from './schema/record.ts';
import { formatWan } from './money.ts';

/** What the diff reads of a record; older records at a git ref need not match today's full schema. */
export type DiffableRecord = Pick<UnitYearRecord, 'id' | 'keyFigures' | 'findings'> & {
  identity: Pick<UnitYearRecord['identity'], 'unit' | 'year'>;
};

/** How a figure is displayed: amounts (元) in 万元 with two decimals, counts as integers, text as is. */
export type FigureKind = 'amount' | 'count' | 'text';

/** A figure's value: a number (元 or a count), text, or null when not stated. */
export type FigureValue = number | string | null;

/** One figure that differs; a figure missing on one side is null there. */
export interface FigureChange {
  path: string;
  kind: FigureKind;
  old: FigureValue;
  new: FigureValue;
}

/** One record that was added, removed or has changed figures. */
export type RecordChange =
  | { status: 'added'; id: string; unit: string; year: number }
  | { status: 'removed'; id: string; unit: string; year: number }
  | { status: 'changed'; id: string; unit: string; year: number; figures: FigureChange[] };

/** Numeric keyFigures members that are not amounts. */
const COUNT_PATHS = new Set(['keyFigures.year', 'keyFigures.vehicles']);

const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Every figure of a record, path → kind and value, in a stable order (keyFigures order, then findings). */
export function flattenFigures(record: DiffableRecord): Map<string, { kind: FigureKind; value: FigureValue }> {
  const out = new Map<string, { kind: FigureKind; value: FigureValue }>();
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) out.set(path, { kind: 'text', value: value.map(String).join('、') });
    else if (typeof value === 'number') out.set(path, { kind: COUNT_PATHS.has(path) ? 'count' : 'amount', value });
    else if (typeof value === 'string') out.set(path, { kind: 'text', value });
    else if (value === null || value === undefined) out.set(path, { kind: COUNT_PATHS.has(path) ? 'count' : 'amount', value: null });
    else for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
  };
  walk(record.keyFigures ?? {}, 'keyFigures');
  for (const s of SEVERITIES) {
    out.set(`findings.${s}`, { kind: 'count', value: (record.findings ?? []).filter((f) => f.severity === s).length });
  }
  return out;
}

/** The figures that differ between two versions of one record, in the new record's order. */
export function diffFigures(before: DiffableRecord, after: DiffableRecord): FigureChange[] {
  const a = flattenFigures(before);
  const b = flattenFigures(after);
  const paths = [...b.keys(), ...[...a.keys()].filter((p) => !b.has(p))];
  const changes: FigureChange[] = [];
  for (const path of paths) {
    const x = a.get(path);
    const y = b.get(path);
    const oldValue = x?.value ?? null;
    const newValue = y?.value ?? null;
    // A null has no kind of its own; the stated side decides how both are shown.
    const kind = (newValue !== null ? y : x ?? y)!.kind;
    if (oldValue !== newValue) changes.push({ path, kind, old: oldValue, new: newValue });
  }
  return changes;
}

/** Records added, removed and changed between `before` and `after`, sorted by id. */
export function diffRecords(before: readonly DiffableRecord[], after: readonly DiffableRecord[]): RecordChange[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const changes: RecordChange[] = [];
  for (const id of ids) {
    const a = old.get(id);
    const b = now.get(id);
    const who = (r: DiffableRecord) => ({ id, unit: r.identity.unit, year: r.identity.year });
    if (!a) changes.push({ status: 'added', ...who(b!) });
    else if (!b) changes.push({ status: 'removed', ...who(a) });
    else {
      const figures = diffFigures(a, b);
      if (figures.length) changes.push({ status: 'changed', ...who(b), figures });
    }
  }
  return changes;
}

/** A figure's value for display: 万元 with two decimals for amounts, '—' when not stated. */
export function formatFigureValue(kind: FigureKind, value: FigureValue): string {
  if (value === null) return '—';
  if (kind === 'amount' && typeof value === 'number') return formatWan(value);
  return value === '' ? '（空）' : String(value);
}

/** `~ <id> (<unit> <year>)` + `  <path>: <old> → <new>` lines, `+ <id>`, `- <id>`. */
export function formatDiff(changes: readonly RecordChange[]): string[] {
  const out: string[] = [];
  for (const c of changes) {
    if (c.status === 'added') out.push(`+ ${c.id}`);
    else if (c.status === 'removed') out.push(`- ${c.id}`);
    else {
      out.push(`~ ${c.id} (${c.unit} ${c.year})`);
      for (const f of c.figures) out.push(`  ${f.path}: ${formatFigureValue(f.kind, f.old)} → ${formatFigureValue(f.kind, f.new)}`);
    }
  }
  return out;
}
