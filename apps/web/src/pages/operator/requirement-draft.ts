import type { components } from '../../api/openapi';

type Requirement = components['schemas']['RequirementDto'];
export type RequirementType = Requirement['type'];
export type Group = Requirement['group'];

/** A requirement as the editor holds it: every input's text, whatever the type. */
export interface RequirementDraft {
  id: string;
  title: string;
  group: Group;
  type: RequirementType;
  mandatory: boolean;
  scoring: Requirement['scoring'];
  expected: 'true' | 'false';
  min: string;
  max: string;
  options: string;
  accepted: string;
  maxAgeDays: string;
  allowedTypes: string;
}

export const emptyDraft = (): RequirementDraft => ({
  id: '',
  title: '',
  group: 'capability',
  type: 'boolean',
  mandatory: true,
  scoring: 'automatic',
  expected: 'true',
  min: '',
  max: '',
  options: '',
  accepted: '',
  maxAgeDays: '',
  allowedTypes: '',
});

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
const listOrNone = (text: string) => (lines(text).length ? lines(text) : undefined);

/** What a requirement sends: the fields of its own type only, so the API judges exactly what the operator set. */
export function requirementOf(draft: RequirementDraft): Requirement {
  const base = {
    id: draft.id.trim(),
    title: draft.title.trim(),
    group: draft.group,
    type: draft.type,
    mandatory: draft.mandatory,
    scoring: draft.scoring,
  };
  switch (draft.type) {
    case 'boolean':
      return { ...base, expected: draft.expected === 'true' };
    case 'number':
      return { ...base, min: number(draft.min), max: number(draft.max) };
    case 'enum':
      return { ...base, options: lines(draft.options), accepted: listOrNone(draft.accepted) };
    case 'date':
      return { ...base, maxAgeDays: number(draft.maxAgeDays) };
    case 'document':
      return { ...base, allowedTypes: listOrNone(draft.allowedTypes) };
  }
}

/** The editor's text for a stored requirement (a new version starts from the latest). */
export function draftOf(requirement: Requirement): RequirementDraft {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    ...emptyDraft(),
    ...requirement,
    expected: requirement.expected === false ? 'false' : 'true',
    min: text(requirement.min),
    max: text(requirement.max),
    options: (requirement.options ?? []).join('\n'),
    accepted: (requirement.accepted ?? []).join('\n'),
    maxAgeDays: text(requirement.maxAgeDays),
    allowedTypes: (requirement.allowedTypes ?? []).join('\n'),
  };
}
