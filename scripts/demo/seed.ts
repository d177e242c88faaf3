/**
 * The demo's seed (scripts/demo/problems.json, from data/problems.json plus a `category` per problem) and the
 * API bodies built from it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { problemDeadline } from './dates';

export interface SeedKpi {
  code: string;
  name_vi: string;
  name_en: string;
  unit: string;
  measure_type: string;
  direction: 'increase' | 'decrease' | 'achieve';
  comparator: 'gte' | 'lte' | 'eq' | 'gt' | 'lt';
  baseline: { value: number | boolean | null; note?: string };
  target: { value: number | boolean | null; stretch?: number | null; note?: string };
  measurement_period: string;
  data_source_suggestion: string;
}

export interface SeedProblem {
  code: string;
  kind: string;
  title_vi: string;
  title_en: string;
  category: string;
  ordering_agency: string;
  deadline: string;
  kpis: SeedKpi[];
}

/** Budget envelope per problem, in tỷ đồng (the plan gives none; plausible trial-order sizes). */
// prettier-ignore
const ENVELOPE_TY: Record<string, number> = {
  'BT-01': 6, 'BT-02': 8, 'BT-03': 5, 'BT-04': 7, 'BT-05': 4, 'BT-06': 3, 'BT-07': 2, 'BT-08': 2, 'BT-09': 3, 'BT-10': 9,
  'BT-11': 6, 'BT-12': 2, 'BT-13': 10, 'BT-14': 8, 'BT-15': 7, 'BT-16': 5, 'BT-17': 6, 'BT-18': 4, 'BT-19': 3, 'BT-20': 10,
};
const DEFAULT_ENVELOPE_TY = 5;
/** Research outcomes are less certain, so less of the price rides on them. */
const OUTCOME_SHARE_BP: Record<string, number> = { 'BT-20': 5000 };
const DEFAULT_OUTCOME_SHARE_BP = 7000;
const TY = 1_000_000_000n;
const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;
function decimal(value: number, what: string): string {
  const text = Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (!DECIMAL.test(text)) throw new Error(`${what}: ${value} is not a decimal the API accepts`);
  return text;
}

export function readSeed(): SeedProblem[] {
  const file = path.join(__dirname, 'problems.json');
  const problems = JSON.parse(fs.readFileSync(file, 'utf8')) as SeedProblem[];
  const missing = problems.filter((p) => !p.category).map((p) => p.code);
  if (missing.length) throw new Error(`${file}: no category for ${missing.join(', ')}`);
  return problems;
}

function kpiBody(problem: SeedProblem, kpi: SeedKpi, notes: string[]) {
  const code = kpi.code.startsWith(`${problem.code}.`) ? kpi.code.slice(problem.code.length + 1) : kpi.code;
  const binary = kpi.direction === 'achieve' || kpi.measure_type === 'boolean';
  const { value: target, stretch } = kpi.target;
  let targetText: string;
  if (typeof target === 'number') targetText = decimal(target, `${kpi.code} target`);
  else if (binary) targetText = '1';
  else if (typeof stretch === 'number') {
    targetText = decimal(stretch, `${kpi.code} stretch`);
    notes.push(`${kpi.code}: no numeric target in problems.json; the stretch value ${targetText} is used.`);
  } else {
    throw new Error(`${kpi.code}: no numeric target in problems.json; add one before loading`);
  }
  const base = kpi.baseline.value;
  let baseline: string | undefined;
  if (typeof base === 'number') baseline = decimal(base, `${kpi.code} baseline`);
  else if (typeof base === 'boolean') baseline = base ? '1' : '0';
  const direction = binary ? 'increase' : kpi.direction === 'decrease' ? 'decrease' : 'increase';
  if (baseline !== undefined && !binary) {
    const gap = Number(targetText) - Number(baseline);
    if ((direction === 'increase' && gap < 0) || (direction === 'decrease' && gap > 0)) {
      throw new Error(
        `${kpi.code}: target ${targetText} is on the wrong side of baseline ${baseline} for "${direction}"`,
      );
    }
  }
  return {
    code,
    nameVi: kpi.name_vi,
    nameEn: kpi.name_en,
    unit: kpi.unit,
    direction,
    comparator: kpi.comparator,
    ...(binary ? { binary: true } : {}),
    ...(baseline === undefined ? {} : { baseline }),
    target: targetText,
    measurementPeriod: kpi.measurement_period,
    dataSource: kpi.data_source_suggestion,
  };
}

/** The body of `POST /problems` for a seed problem, its deadline derived from `now` (notes say what moved). */
export function problemBody(problem: SeedProblem, agencyOrganisationId: string, now: number, notes: string[]) {
  const { deadline, moved } = problemDeadline(problem.deadline, now);
  if (moved)
    notes.push(`${problem.code}: deadline ${problem.deadline} is too close or past; the demo uses ${deadline}.`);
  return {
    code: problem.code,
    agencyOrganisationId,
    titleVi: problem.title_vi,
    titleEn: problem.title_en,
    categoryCode: problem.category,
    budgetEnvelope: (BigInt(ENVELOPE_TY[problem.code] ?? DEFAULT_ENVELOPE_TY) * TY).toString(),
    outcomeShareBp: OUTCOME_SHARE_BP[problem.code] ?? DEFAULT_OUTCOME_SHARE_BP,
    deadline,
    kpis: problem.kpis.map((kpi) => kpiBody(problem, kpi, notes)),
  };
}
