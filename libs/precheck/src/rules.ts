import { DOCUMENT_TYPES, KPI_REQUIRED_FIELDS, type SolutionKpi } from '@app/catalog';
import {
  GROUPS,
  PrecheckErrors,
  type Answer,
  type Failure,
  type Group,
  type GroupScore,
  type Requirement,
  type RequirementType,
  type Weights,
} from './contracts/precheck';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Problems that make a requirement set unusable; empty when it is valid. */
/** The constraints each requirement type reads; one given to another type could never apply (`min` on a boolean). */
const CONSTRAINTS_OF_TYPE: Record<RequirementType, ReadonlyArray<keyof Requirement>> = {
  boolean: ['expected'],
  number: ['min', 'max'],
  enum: ['options', 'accepted'],
  date: ['maxAgeDays'],
  document: ['allowedTypes'],
};
const CONSTRAINTS = [...new Set(Object.values(CONSTRAINTS_OF_TYPE).flat())];

export function requirementSetProblems(requirements: Requirement[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const r of requirements) {
    if (ids.has(r.id)) problems.push(`${r.id}: duplicate id`);
    ids.add(r.id);
    const misplaced = CONSTRAINTS.filter((field) => r[field] != null && !CONSTRAINTS_OF_TYPE[r.type].includes(field));
    if (misplaced.length > 0) problems.push(`${r.id}: ${misplaced.join(', ')} cannot apply to type ${r.type}`);
    if (r.type === 'boolean' && r.scoring === 'automatic' && r.expected === undefined)
      problems.push(`${r.id}: an automatic boolean needs "expected"`);
    if (r.type === 'number' && r.min !== undefined && r.max !== undefined && r.min > r.max)
      problems.push(`${r.id}: min is greater than max`);
    if (r.type === 'enum') {
      if (!r.options?.length) problems.push(`${r.id}: an enum needs "options"`);
      const unknown = (r.accepted ?? []).filter((a) => !r.options?.includes(a));
      if (unknown.length > 0) problems.push(`${r.id}: accepted values not in options: ${unknown.join(', ')}`);
    }
    const unknownTypes = (r.allowedTypes ?? []).filter((t) => !DOCUMENT_TYPES.includes(t));
    if (unknownTypes.length > 0) problems.push(`${r.id}: unsupported document types: ${unknownTypes.join(', ')}`);
    if (r.type === 'date' && r.scoring === 'automatic' && r.maxAgeDays === undefined)
      problems.push(`${r.id}: an automatic date needs "maxAgeDays"`);
  }
  return problems;
}

function fitsType(r: Requirement, value: Answer): boolean {
  switch (r.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'enum':
      return typeof value === 'string' && (r.options ?? []).includes(value);
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
    case 'document':
      return typeof value === 'string' && UUID.test(value);
  }
}

/** Refuses answers the vendor cannot mean: unknown requirement ids, duplicates, values of the wrong type. */
export function checkAnswers(
  requirements: Requirement[],
  answers: Array<{ requirementId: string; value: Answer }>,
): Map<string, Answer> {
  const byId = new Map(requirements.map((r) => [r.id, r]));
  const unknown = answers.filter((a) => !byId.has(a.requirementId)).map((a) => a.requirementId);
  if (unknown.length > 0) throw PrecheckErrors.UNKNOWN_REQUIREMENT(undefined, { requirementIds: unknown });
  const result = new Map<string, Answer>();
  for (const a of answers) {
    if (result.has(a.requirementId))
      throw PrecheckErrors.DUPLICATE_ANSWER(undefined, { requirementId: a.requirementId });
    result.set(a.requirementId, a.value);
  }
  const wrong = answers
    .filter((a) => !fitsType(byId.get(a.requirementId) as Requirement, a.value))
    .map((a) => ({ requirementId: a.requirementId, expected: byId.get(a.requirementId)?.type }));
  if (wrong.length > 0) throw PrecheckErrors.WRONG_ANSWER_TYPE(undefined, { answers: wrong });
  return result;
}

/** Media type of each of the solution's documents, by id. */
export type DocumentTypes = Map<string, string>;

function automaticFailure(
  r: Requirement,
  value: Answer | undefined,
  today: Date,
  documents: DocumentTypes,
): string | undefined {
  if (value === undefined) return 'Chưa trả lời. / Not answered.';
  switch (r.type) {
    case 'boolean':
      return value === r.expected ? undefined : `Yêu cầu "${String(r.expected)}". / Must be ${String(r.expected)}.`;
    case 'number': {
      const n = value as number;
      if (r.min !== undefined && n < r.min) return `Tối thiểu ${r.min}. / At least ${r.min}.`;
      if (r.max !== undefined && n > r.max) return `Tối đa ${r.max}. / At most ${r.max}.`;
      return undefined;
    }
    case 'enum':
      return !r.accepted || r.accepted.includes(value as string)
        ? undefined
        : `Chấp nhận: ${r.accepted.join(', ')}. / Accepted: ${r.accepted.join(', ')}.`;
    case 'date': {
      const ageDays = Math.floor((today.getTime() - Date.parse(`${value as string}T00:00:00Z`)) / DAY_MS);
      if (ageDays < 0) return 'Ngày ở tương lai. / The date is in the future.';
      return r.maxAgeDays !== undefined && ageDays > r.maxAgeDays
        ? `Quá ${r.maxAgeDays} ngày. / Older than ${r.maxAgeDays} days.`
        : undefined;
    }
    case 'document': {
      const type = documents.get(value as string);
      return !r.allowedTypes || (type !== undefined && r.allowedTypes.includes(type))
        ? undefined
        : `Cần tệp ${r.allowedTypes.join(', ')}. / Needs a file of type ${r.allowedTypes.join(', ')}.`;
    }
  }
}

export type KpiDeclaration = Pick<SolutionKpi, 'id' | (typeof KPI_REQUIRED_FIELDS)[number]>;

/**
 * The automatic part of the pre-check: failed mandatory automatic requirements and KPI offers missing any
 * declaration needed to measure them. Any failure rejects the submission without an assessor.
 */
export function automaticFailures(
  requirements: Requirement[],
  answers: Map<string, Answer>,
  kpis: KpiDeclaration[],
  today: Date,
  documents: DocumentTypes = new Map(),
): Failure[] {
  const failures: Failure[] = [];
  for (const r of requirements) {
    if (!r.mandatory) continue;
    const missing = !answers.has(r.id);
    if (r.scoring === 'human' && !missing) continue;
    const reason =
      r.scoring === 'human'
        ? 'Chưa trả lời. / Not answered.'
        : automaticFailure(r, answers.get(r.id), today, documents);
    if (reason) failures.push({ group: r.group, requirementId: r.id, reason: `${r.title}: ${reason}` });
  }
  for (const kpi of kpis) {
    const missing = KPI_REQUIRED_FIELDS.filter((f) => {
      const value = kpi[f];
      return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
    });
    if (missing.length > 0)
      failures.push({
        group: 'kpi',
        kpiId: kpi.id,
        missing,
        reason: `KPI "${kpi.metric}" thiếu khai báo: ${missing.join(', ')}. / KPI "${kpi.metric}" misses: ${missing.join(', ')}.`,
      });
  }
  if (kpis.length === 0) failures.push({ group: 'kpi', reason: 'Không có KPI nào. / No KPI is offered.' });
  return failures;
}

/** Each assessor's scores must name every group under review exactly once. */
export function checkScores(scores: GroupScore[], expected: readonly Group[] = GROUPS): void {
  const groups = scores.map((s) => s.group);
  if (groups.length !== expected.length || expected.some((g) => !groups.includes(g)))
    throw PrecheckErrors.INCOMPLETE_SCORES(undefined, { groups, expected });
}

/** Per group, the sum of the assessors' scores (the mean × the number of assessors, kept integral). */
export function groupTotalsOf(
  assessments: GroupScore[][],
  groups: readonly Group[] = GROUPS,
): Partial<Record<Group, number>> {
  return Object.fromEntries(
    groups.map((g) => [g, assessments.reduce((sum, a) => sum + (a.find((s) => s.group === g)?.score ?? 0), 0)]),
  );
}

export interface Decision {
  passed: boolean;
  /** floor of the weighted mean of the assessors' scores, 0–100. */
  qualityScore: number;
  failedGroups: Group[];
}

/** PRODUCT.md default rule with the category's marks and weights, in exact integers. */
export function decide(
  groupTotals: Record<Group, number>,
  assessors: number,
  weights: Weights,
  groupMark: number,
  totalMark: number,
): Decision {
  const failedGroups = GROUPS.filter((g) => groupTotals[g] < groupMark * assessors);
  const weightSum = GROUPS.reduce((sum, g) => sum + weights[g], 0);
  const weighted = GROUPS.reduce((sum, g) => sum + weights[g] * groupTotals[g], 0);
  const passed = failedGroups.length === 0 && weighted >= totalMark * assessors * weightSum;
  return { passed, qualityScore: Math.floor(weighted / (assessors * weightSum)), failedGroups };
}

export interface CheckedState {
  requirementSetId: string | null;
  answers: Record<string, Answer>;
  content: { name: string; summary: string; kpis: Array<Record<string, unknown>> };
}

/**
 * The groups an edit after listing touches, so only they are re-scored: the description (capability), the KPI
 * declarations (kpi), and each group whose answers changed; everything when the requirement set changed.
 */
export function changedGroups(requirements: Requirement[], before: CheckedState, after: CheckedState): Group[] {
  if (before.requirementSetId !== after.requirementSetId) return [...GROUPS];
  const changed = new Set<Group>();
  if (before.content.name !== after.content.name || before.content.summary !== after.content.summary)
    changed.add('capability');
  const kpiKey = (kpis: Array<Record<string, unknown>>) =>
    JSON.stringify(kpis.map((k) => KPI_REQUIRED_FIELDS.map((f) => k[f] ?? null)));
  if (kpiKey(before.content.kpis) !== kpiKey(after.content.kpis)) changed.add('kpi');
  for (const r of requirements)
    if (JSON.stringify(before.answers[r.id] ?? null) !== JSON.stringify(after.answers[r.id] ?? null))
      changed.add(r.group);
  return GROUPS.filter((g) => changed.has(g));
}
