/**
 * The synthetic province behind the benchmark corpus: districts with ~100 units each (departments and their
 * subordinate units), each unit with a run of budget years, and each year's figures. Every amount is whole
 * 元 and a multiple of 100 元 (documents print 万元 with two decimals), and every total is the exact sum of
 * its parts, so a document rendered from a year's figures satisfies its own arithmetic. Year-on-year
 * changes are differences of consecutive years, so cross-year checks agree too.
 */
import type { Rng } from './random.ts';
import {
  DIVISIONS, DISTRICTS, FUNCTION_CLASSES, GIVEN, SURNAMES, TOPICS, type DistrictName, type FunctionKey, type Topic,
} from './vocabulary.ts';
import { districtSlug, unitSlug } from '../../src/domain/slug.ts';

/** First and last budget year a unit may publish. */
export const FIRST_YEAR = 2022;
export const LAST_YEAR = 2026;

/** A subordinate unit listed in a department's document (seed 003). */
export interface Subordinate {
  name: string;
  /** 行政单位 / 公益一类事业单位 … */
  kind: string;
  rank: string;
  authorisedStaff: number;
  actualStaff: number;
  contractStaff: number;
  /** Indices into DUTY_TEMPLATES. */
  duties: number[];
}

/** One publishing unit. */
export interface UnitPlan {
  district: DistrictName;
  /** Full name as printed (重庆市开州区政务信息中心). */
  name: string;
  /** Name without the place prefix (政务信息中心). */
  short: string;
  topic: Topic;
  /** A department (主管部门); its document may cover its subordinate units. */
  isDepartment: boolean;
  /** Full name of the department that manages this unit, or null for a department. */
  parent: string | null;
  /** For a department whose document covers them: the units it consolidates (itself first, 本级). */
  consolidated: Subordinate[];
  divisions: string[];
  /** Indices into DUTY_TEMPLATES. */
  duties: number[];
  contact: { name: string; phone: string };
  signer: string;
  /** Years published, ascending. */
  years: number[];
  /** Expected record id `<district>/<unit>`, from the same slug functions the ingest uses. */
  slug: { district: string; unit: string };
}

/** What one budget year's document states (元). */
export interface YearFigures {
  year: number;
  basic: number;
  project: number;
  governmentFund: number;
  institutionIncome: number;
  otherIncome: number;
  /** Function classes at 类 level, in document order; a class may be 0 (printed as 0万元). */
  byFunction: { key: FunctionKey; amount: number }[];
  threePublic: { outboundTravel: number; reception: number; vehicleOperation: number; vehiclePurchase: number };
  /** 机关运行经费, or null when the unit is not in scope. */
  operating: number | null;
  procurement: { goods: number; works: number; services: number };
  vehicles: number;
  plannedVehicles: number;
}

/** Totals derived from YearFigures (never stored twice). */
export const generalBudgetOf = (f: YearFigures): number => f.basic + f.project;
export const incomeTotalOf = (f: YearFigures): number => f.basic + f.project + f.governmentFund + f.institutionIncome + f.otherIncome;
export const threePublicTotalOf = (f: YearFigures): number =>
  f.threePublic.outboundTravel + f.threePublic.reception + f.threePublic.vehicleOperation + f.threePublic.vehiclePurchase;
export const procurementTotalOf = (f: YearFigures): number => f.procurement.goods + f.procurement.works + f.procurement.services;

/** A random amount between min and max 万元, in 元, rounded to 0.01 万元 (100 元). */
export const wan = (rng: Rng, min: number, max: number): number => rng.int(Math.round(min * 100), Math.round(max * 100)) * 100;

/** Rounds a share of an amount down to 0.01 万元. */
const share = (amount: number, ratio: number): number => Math.floor((amount * ratio) / 100) * 100;

const personName = (rng: Rng): string => rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.chance(0.5) ? rng.pick([...GIVEN]) : '');

const UNIT_KINDS = ['公益一类事业单位', '公益二类事业单位', '事业单位', '参公事业单位'];
const RANKS = ['正科级', '副处（县）级', '正处（县）级'];

function subordinateOf(rng: Rng, name: string, kind: string, dutyCount: number): Subordinate {
  const authorisedStaff = rng.int(3, 60);
  return {
    name, kind, rank: rng.pick(RANKS),
    authorisedStaff,
    actualStaff: Math.max(1, authorisedStaff - rng.int(-4, 8)),
    contractStaff: rng.int(0, 25),
    duties: rng.sample([...Array(13).keys()], dutyCount),
  };
}

/** Picks the years a unit publishes: a run ending in the last year or a little earlier, mostly 3–5 years. */
function yearsOf(rng: Rng): number[] {
  const length = rng.pick([1, 2, 3, 3, 4, 4, 5, 5, 5, 5]);
  const last = LAST_YEAR - (rng.chance(0.15) ? rng.int(0, 5 - length) : 0);
  const first = Math.max(FIRST_YEAR, last - length + 1);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

/** The units of one district (about `target` of them), with distinct slugs. */
export function planDistrict(rng: Rng, d: DistrictName, target: number): UnitPlan[] {
  const prefix = d.city + d.name;
  const candidates: { short: string; topic: Topic; isDepartment: boolean }[] = [];
  for (const topic of TOPICS) {
    candidates.push({ short: topic.department, topic, isDepartment: true });
    for (const s of topic.subordinates) candidates.push({ short: s, topic, isDepartment: false });
  }
  const chosen = rng.sample(candidates, target);
  const seen = new Set<string>();
  const units: UnitPlan[] = [];
  const dSlug = districtSlug(d.name, d.city);
  for (const c of chosen) {
    const name = prefix + c.short;
    const slug = unitSlug(name, d.city, d.name);
    if (seen.has(slug)) continue;
    seen.add(slug);
    const departmentName = prefix + c.topic.department;
    const consolidated: Subordinate[] = [];
    if (c.isDepartment && c.topic.subordinates.length && rng.chance(0.5)) {
      consolidated.push(subordinateOf(rng, `${name}（本级）`, '行政单位', rng.int(4, 8)));
      for (const s of rng.sample(c.topic.subordinates, rng.int(1, Math.min(3, c.topic.subordinates.length)))) {
        consolidated.push(subordinateOf(rng, prefix + s, rng.pick(UNIT_KINDS), rng.int(3, 6)));
      }
    }
    units.push({
      district: d,
      name,
      short: c.short,
      topic: c.topic,
      isDepartment: c.isDepartment,
      parent: c.isDepartment ? null : departmentName,
      consolidated,
      divisions: rng.sample(DIVISIONS, rng.int(3, 9)),
      duties: rng.sample([...Array(14).keys()], rng.int(4, 12)),
      contact: { name: personName(rng), phone: `023-${rng.int(40000000, 89999999)}` },
      signer: personName(rng),
      years: yearsOf(rng),
      slug: { district: dSlug, unit: slug },
    });
  }
  return units;
}

/** Units of the whole province, district by district, until they publish at least `docs` unit-years. */
export function planProvince(rng: Rng, docs: number): UnitPlan[] {
  const units: UnitPlan[] = [];
  let count = 0;
  // A province is about 40 districts of about 100 units publishing about 3.6 years each; a smaller corpus
  // keeps the 40 districts' variety with fewer units each (at least 5), a larger one fills up to 110.
  const perDistrict = Math.min(110, Math.max(5, Math.ceil(docs / 3.6 / 40)));
  for (let i = 0; count < docs; i++) {
    if (i >= DISTRICTS.length) throw new RangeError(`--docs ${docs} exceeds what ${DISTRICTS.length} districts can hold`);
    const d = DISTRICTS[i]!;
    for (const u of planDistrict(rng.fork(d.city + d.name), d, rng.int(Math.ceil(perDistrict * 0.9), Math.floor(perDistrict * 1.1)))) {
      if (count >= docs) break;
      u.years = u.years.slice(0, docs - count);
      units.push(u);
      count += u.years.length;
    }
  }
  return units;
}

/** One year's figures from the previous year's (or from scratch): a bounded random walk. */
function nextYear(rng: Rng, unit: UnitPlan, year: number, prev: YearFigures | null): YearFigures {
  const walk = (v: number, lo: number, hi: number): number => Math.max(0, v + share(v, (rng.next() * (hi - lo) + lo)));
  const basic = prev ? walk(prev.basic, -0.08, 0.15) : wan(rng, 80, unit.isDepartment ? 3000 : 1200);
  const project = prev ? (rng.chance(0.15) ? prev.project : walk(prev.project, -0.3, 0.3)) : (rng.chance(0.1) ? 0 : wan(rng, 5, 9000));
  // Constant over the years, so that the change of the total is the change of basic plus project spending.
  const governmentFund = prev ? prev.governmentFund : (rng.chance(0.12) ? wan(rng, 10, 2000) : 0);
  const institutionIncome = prev ? prev.institutionIncome : (!unit.isDepartment && rng.chance(0.1) ? wan(rng, 5, 300) : 0);
  const otherIncome = prev ? prev.otherIncome : (rng.chance(0.05) ? wan(rng, 1, 50) : 0);

  // Function classes: social security, health and housing follow staff costs; the main class takes the rest.
  const total = basic + project + governmentFund + institutionIncome + otherIncome;
  const social = share(basic, 0.06 + rng.next() * 0.06);
  const health = share(basic, 0.02 + rng.next() * 0.03);
  const housing = share(basic, 0.03 + rng.next() * 0.03);
  const fundKey: FunctionKey = unit.topic.main === 'agriculture' ? 'agriculture' : 'urban';
  // The main class takes what the others leave; a class named twice (a social-security department's main
  // class is social security) is one class.
  const parts: { key: FunctionKey; amount: number }[] = [{ key: unit.topic.main, amount: total - social - health - housing - governmentFund }];
  const educationListed = prev ? prev.byFunction.some((x) => x.key === 'education') : unit.topic.main === 'general' && rng.chance(0.4);
  if (educationListed) parts.push({ key: 'education', amount: 0 });
  parts.push({ key: 'social', amount: social }, { key: 'health', amount: health }, { key: 'housing', amount: housing });
  if (governmentFund) parts.push({ key: fundKey, amount: governmentFund });
  const byFunction: YearFigures['byFunction'] = [];
  for (const x of parts) {
    const same = byFunction.find((y) => y.key === x.key);
    if (same) same.amount += x.amount;
    else byFunction.push({ ...x });
  }

  const hasVehicles = prev ? prev.vehicles > 0 : rng.chance(0.35);
  const threePublic = {
    outboundTravel: prev ? prev.threePublic.outboundTravel : (rng.chance(0.05) ? wan(rng, 1, 20) : 0),
    reception: prev ? walk(prev.threePublic.reception, -0.2, 0.1) : (rng.chance(0.85) ? wan(rng, 0.2, 30) : 0),
    vehicleOperation: hasVehicles ? (prev ? walk(prev.threePublic.vehicleOperation, -0.1, 0.15) : wan(rng, 1, 90)) : 0,
    vehiclePurchase: hasVehicles && rng.chance(0.15) ? wan(rng, 10, 60) : 0,
  };
  const operating = prev ? (prev.operating === null ? null : walk(prev.operating, -0.1, 0.1))
    : (unit.isDepartment && rng.chance(0.7) ? wan(rng, 10, 400) : null);
  const goods = rng.chance(0.6) ? wan(rng, 0.1, 50) : 0;
  const services = rng.chance(0.4) ? wan(rng, 1, 2000) : 0;
  const works = rng.chance(0.08) ? wan(rng, 5, 500) : 0;
  const vehicles = hasVehicles ? (prev?.vehicles ?? rng.int(1, 12)) : 0;
  return {
    year, basic, project, governmentFund, institutionIncome, otherIncome, byFunction, threePublic, operating,
    procurement: { goods, works, services }, vehicles, plannedVehicles: threePublic.vehiclePurchase ? rng.int(1, 3) : 0,
  };
}

/** Figures of every published year and of the year before the first (for the first document's changes). */
export function figureSeries(rng: Rng, unit: UnitPlan): Map<number, YearFigures> {
  const series = new Map<number, YearFigures>();
  let prev: YearFigures | null = null;
  for (let y = unit.years[0]! - 1; y <= unit.years[unit.years.length - 1]!; y++) {
    prev = nextYear(rng, unit, y, prev);
    series.set(y, prev);
  }
  return series;
}

/** Name of a function class. */
export const functionName = (key: FunctionKey): string => FUNCTION_CLASSES[key]!.name;
