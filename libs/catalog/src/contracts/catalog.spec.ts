import {
  REVISION_STATUSES,
  revisionLifecycle,
  SOLUTION_STATUSES,
  solutionLifecycle,
  type RevisionEvent,
  type RevisionStatus,
  type SolutionEvent,
  type SolutionStatus,
} from './catalog';

const EVENTS: SolutionEvent[] = [
  'submit',
  'auto_reject',
  'start_review',
  'list',
  'wait',
  'reject',
  'revise',
  'suspend',
  'lift_suspension',
  'expire',
  'delist',
  'displace',
];

/** Every allowed transition; everything else must be refused. */
const ALLOWED: Array<[SolutionStatus, SolutionEvent, SolutionStatus]> = [
  ['DRAFT', 'submit', 'SUBMITTED'],
  ['SUBMITTED', 'auto_reject', 'AUTO_REJECTED'],
  ['SUBMITTED', 'start_review', 'UNDER_REVIEW'],
  ['AUTO_REJECTED', 'revise', 'DRAFT'],
  ['UNDER_REVIEW', 'list', 'LISTED'],
  ['UNDER_REVIEW', 'wait', 'WAITING'],
  ['UNDER_REVIEW', 'reject', 'REJECTED'],
  ['WAITING', 'list', 'LISTED'],
  ['WAITING', 'delist', 'DELISTED'],
  ['REJECTED', 'revise', 'DRAFT'],
  ['LISTED', 'suspend', 'SUSPENDED'],
  ['LISTED', 'expire', 'EXPIRED'],
  ['LISTED', 'delist', 'DELISTED'],
  ['LISTED', 'displace', 'WAITING'],
  ['SUSPENDED', 'lift_suspension', 'LISTED'],
  ['SUSPENDED', 'expire', 'EXPIRED'],
  ['SUSPENDED', 'delist', 'DELISTED'],
  ['EXPIRED', 'revise', 'DRAFT'],
];

describe('solution lifecycle', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(solutionLifecycle.apply(from, event)).toBe(to);
  });

  it('refuses every other pair with CATALOG.INVALID_TRANSITION', () => {
    for (const from of SOLUTION_STATUSES)
      for (const event of EVENTS) {
        if (ALLOWED.some(([f, e]) => f === from && e === event)) continue;
        expect(() => solutionLifecycle.apply(from, event)).toThrow(
          expect.objectContaining({ code: 'CATALOG.INVALID_TRANSITION', kind: 'CONFLICT' }),
        );
      }
  });

  it('never leaves DELISTED, and only a listing can be suspended', () => {
    for (const event of EVENTS) expect(solutionLifecycle.next('DELISTED', event)).toBeUndefined();
    const suspendable = SOLUTION_STATUSES.filter((s) => solutionLifecycle.next(s, 'suspend'));
    expect(suspendable).toEqual(['LISTED']);
  });
});

describe('revision of a listed solution', () => {
  const ALLOWED_REVISIONS: Array<[RevisionStatus, RevisionEvent, RevisionStatus]> = [
    ['NONE', 'edit', 'DRAFT'],
    ['DRAFT', 'edit', 'DRAFT'],
    ['DRAFT', 'submit', 'SUBMITTED'],
    ['SUBMITTED', 'auto_reject', 'AUTO_REJECTED'],
    ['SUBMITTED', 'start_review', 'UNDER_REVIEW'],
    ['AUTO_REJECTED', 'edit', 'DRAFT'],
    ['UNDER_REVIEW', 'accept', 'NONE'],
    ['UNDER_REVIEW', 'reject', 'REJECTED'],
    ['REJECTED', 'edit', 'DRAFT'],
  ];
  const REVISION_EVENTS: RevisionEvent[] = ['edit', 'submit', 'auto_reject', 'start_review', 'accept', 'reject'];

  it('allows exactly the listed transitions', () => {
    for (const from of REVISION_STATUSES)
      for (const event of REVISION_EVENTS) {
        const allowed = ALLOWED_REVISIONS.find(([f, e]) => f === from && e === event);
        if (allowed) expect(revisionLifecycle.apply(from, event)).toBe(allowed[2]);
        else expect(() => revisionLifecycle.apply(from, event)).toThrow(expect.objectContaining({ kind: 'CONFLICT' }));
      }
  });

  it('cannot be edited while under review', () => {
    expect(revisionLifecycle.next('UNDER_REVIEW', 'edit')).toBeUndefined();
    expect(revisionLifecycle.next('SUBMITTED', 'edit')).toBeUndefined();
  });
});
