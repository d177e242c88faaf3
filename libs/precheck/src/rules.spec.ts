import {
  SUBMISSION_STATUSES,
  submissionLifecycle,
  type Group,
  type Requirement,
  type SubmissionEvent,
  type SubmissionStatus,
} from './contracts/precheck';
import {
  automaticFailures,
  changedGroups,
  checkAnswers,
  checkScores,
  decide,
  groupTotalsOf,
  requirementSetProblems,
  type KpiDeclaration,
} from './rules';

const TODAY = new Date('2026-11-23T10:00:00Z');

const SECURITY_LEVEL: Requirement = {
  id: 'cap-do-attt',
  title: 'Cấp độ an toàn hệ thống thông tin',
  group: 'security',
  type: 'number',
  mandatory: true,
  scoring: 'automatic',
  min: 3,
  max: 5,
};
const ISO27001: Requirement = {
  id: 'iso-27001',
  title: 'ISO/IEC 27001',
  group: 'security',
  type: 'boolean',
  mandatory: false,
  scoring: 'automatic',
  expected: true,
};
const RESIDENCY: Requirement = {
  id: 'luu-tru-du-lieu',
  title: 'Nơi lưu trữ dữ liệu',
  group: 'security',
  type: 'enum',
  mandatory: true,
  scoring: 'automatic',
  options: ['viet-nam', 'nuoc-ngoai'],
  accepted: ['viet-nam'],
};
const PENTEST: Requirement = {
  id: 'kiem-thu-xam-nhap',
  title: 'Ngày kiểm thử xâm nhập',
  group: 'security',
  type: 'date',
  mandatory: true,
  scoring: 'automatic',
  maxAgeDays: 365,
};
const REFERENCES: Requirement = {
  id: 'trien-khai-tham-chieu',
  title: 'Các triển khai tham chiếu',
  group: 'capability',
  type: 'number',
  mandatory: true,
  scoring: 'human',
};
const ALL = [SECURITY_LEVEL, ISO27001, RESIDENCY, PENTEST, REFERENCES];

const KPI: KpiDeclaration = {
  id: 'k1',
  metric: 'Tốc độ lưu thông',
  unit: 'km/h',
  direction: 'increase',
  dataSource: 'Camera',
  dataOwner: 'Sở Xây dựng',
  measurementMethod: 'Camera AI',
  aggregation: 'mean',
  frequency: 'daily',
  baselineMethod: 'Trung bình 3 tháng',
  minimumSample: 10,
  evidenceFormat: 'CSV',
};

const GOOD = [
  { requirementId: 'cap-do-attt', value: 3 },
  { requirementId: 'iso-27001', value: false },
  { requirementId: 'luu-tru-du-lieu', value: 'viet-nam' },
  { requirementId: 'kiem-thu-xam-nhap', value: '2026-06-01' },
  { requirementId: 'trien-khai-tham-chieu', value: 4 },
];

describe('pre-check rules', () => {
  it('accepts well-formed answers and finds no automatic failure', () => {
    expect(automaticFailures(ALL, checkAnswers(ALL, GOOD), [KPI], TODAY)).toEqual([]);
  });

  it('refuses unknown requirement ids, duplicates and wrong types with their codes', () => {
    expect(() => checkAnswers(ALL, [{ requirementId: 'nope', value: 1 }])).toThrow(
      expect.objectContaining({ code: 'PRECHECK.UNKNOWN_REQUIREMENT', details: { requirementIds: ['nope'] } }),
    );
    expect(() => checkAnswers(ALL, [GOOD[0], GOOD[0]])).toThrow(
      expect.objectContaining({ code: 'PRECHECK.DUPLICATE_ANSWER' }),
    );
    for (const value of ['3', true])
      expect(() => checkAnswers(ALL, [{ requirementId: 'cap-do-attt', value }])).toThrow(
        expect.objectContaining({ code: 'PRECHECK.WRONG_ANSWER_TYPE' }),
      );
    expect(() => checkAnswers(ALL, [{ requirementId: 'luu-tru-du-lieu', value: 'mars' }])).toThrow(
      expect.objectContaining({ code: 'PRECHECK.WRONG_ANSWER_TYPE' }),
    );
    expect(() => checkAnswers(ALL, [{ requirementId: 'kiem-thu-xam-nhap', value: '01/06/2026' }])).toThrow(
      expect.objectContaining({ code: 'PRECHECK.WRONG_ANSWER_TYPE' }),
    );
  });

  it.each([
    ['a missing mandatory answer', 'cap-do-attt', undefined],
    ['a number below its minimum', 'cap-do-attt', 2],
    ['a number above its maximum', 'cap-do-attt', 6],
    ['an enum value that is not accepted', 'luu-tru-du-lieu', 'nuoc-ngoai'],
    ['a date older than its max age', 'kiem-thu-xam-nhap', '2025-11-22'],
    ['a date in the future', 'kiem-thu-xam-nhap', '2026-12-01'],
    ['an unanswered human-scored mandatory requirement', 'trien-khai-tham-chieu', undefined],
  ])('fails %s', (_, id, value) => {
    const answers = GOOD.filter((a) => a.requirementId !== id).concat(
      value === undefined ? [] : [{ requirementId: id, value }],
    );
    const failures = automaticFailures(ALL, checkAnswers(ALL, answers), [KPI], TODAY);
    expect(failures.map((f) => f.requirementId)).toEqual([id]);
  });

  it('ignores failed optional requirements and keeps the date boundary inclusive', () => {
    const answers = GOOD.map((a) => (a.requirementId === 'kiem-thu-xam-nhap' ? { ...a, value: '2025-11-23' } : a));
    expect(automaticFailures(ALL, checkAnswers(ALL, answers), [KPI], TODAY)).toEqual([]);
  });

  it('names every missing KPI declaration', () => {
    const incomplete = { ...KPI, dataOwner: null, baselineMethod: ' ', minimumSample: null };
    const [failure] = automaticFailures([], new Map(), [incomplete], TODAY);
    expect(failure).toMatchObject({
      group: 'kpi',
      kpiId: 'k1',
      missing: ['dataOwner', 'baselineMethod', 'minimumSample'],
    });
    expect(automaticFailures([], new Map(), [], TODAY)).toHaveLength(1);
  });

  it('reports unusable requirement sets', () => {
    expect(requirementSetProblems(ALL)).toEqual([]);
    expect(
      requirementSetProblems([
        { ...SECURITY_LEVEL, min: 5, max: 1 },
        { ...ISO27001, expected: undefined },
        { ...RESIDENCY, accepted: ['mars'] },
        { ...PENTEST, maxAgeDays: undefined },
        { ...PENTEST },
      ]),
    ).toHaveLength(5);
  });

  it('refuses constraints that the requirement type never reads', () => {
    expect(requirementSetProblems([{ ...ISO27001, min: 3 }])).toEqual(['iso-27001: min cannot apply to type boolean']);
    expect(requirementSetProblems([{ ...SECURITY_LEVEL, expected: true, options: ['a'] }])).toEqual([
      `${SECURITY_LEVEL.id}: expected, options cannot apply to type number`,
    ]);
    expect(requirementSetProblems([{ ...RESIDENCY, maxAgeDays: 30, allowedTypes: ['application/pdf'] }])).toEqual([
      `${RESIDENCY.id}: maxAgeDays, allowedTypes cannot apply to type enum`,
    ]);
  });

  it('requires every group scored exactly once', () => {
    const s = (group: 'capability' | 'security' | 'kpi') => ({ group, score: 80, reason: 'ok' });
    expect(() => checkScores([s('capability'), s('security'), s('kpi')])).not.toThrow();
    expect(() => checkScores([s('capability'), s('security')])).toThrow(
      expect.objectContaining({ code: 'PRECHECK.INCOMPLETE_SCORES' }),
    );
    expect(() => checkScores([s('capability'), s('security'), s('security')])).toThrow(
      expect.objectContaining({ code: 'PRECHECK.INCOMPLETE_SCORES' }),
    );
    expect(() => checkScores([s('kpi')], ['kpi'])).not.toThrow();
    expect(() => checkScores([s('kpi'), s('security')], ['kpi'])).toThrow(
      expect.objectContaining({ code: 'PRECHECK.INCOMPLETE_SCORES' }),
    );
  });

  describe('decision (default: every group ≥ 50 and weighted total ≥ 70)', () => {
    const scores = (capability: number, security: number, kpi: number) => [
      { group: 'capability' as const, score: capability, reason: 'r' },
      { group: 'security' as const, score: security, reason: 'r' },
      { group: 'kpi' as const, score: kpi, reason: 'r' },
    ];
    const equal = { capability: 1, security: 1, kpi: 1 };

    it.each([
      [[scores(70, 70, 70), scores(70, 70, 70)], true, 70],
      [[scores(70, 70, 70), scores(70, 70, 69)], false, 69],
      [[scores(100, 100, 49), scores(100, 100, 50)], false, 83],
      [[scores(100, 100, 50), scores(100, 100, 50)], true, 83],
    ])('%j → passed %s, quality %s', (assessments, passed, quality) => {
      const d = decide(groupTotalsOf(assessments) as Record<Group, number>, 2, equal, 50, 70);
      expect(d.passed).toBe(passed);
      expect(d.qualityScore).toBe(quality);
    });

    it('applies the category weights and names the failed groups', () => {
      const a = [scores(40, 90, 90), scores(60, 90, 90)];
      const totals = { capability: 100, security: 180, kpi: 180 };
      expect(groupTotalsOf(a)).toEqual(totals);
      expect(decide(totals, 2, { capability: 0, security: 1, kpi: 1 }, 50, 70)).toMatchObject({
        passed: true,
        qualityScore: 90,
      });
      expect(decide(totals, 2, equal, 60, 70)).toMatchObject({ passed: false, failedGroups: ['capability'] });
    });
  });

  it('re-checks only the groups an edit touches', () => {
    const before = {
      requirementSetId: 'set-1',
      answers: { 'cap-do-attt': 3, 'trien-khai-tham-chieu': 4 },
      content: { name: 'A', summary: 'S', kpis: [{ ...KPI }] },
    };
    expect(
      changedGroups(ALL, before, { ...before, content: { ...before.content, kpis: [{ ...KPI, id: 'new' }] } }),
    ).toEqual([]);
    expect(changedGroups(ALL, before, { ...before, content: { ...before.content, summary: 'S2' } })).toEqual([
      'capability',
    ]);
    expect(
      changedGroups(ALL, before, {
        ...before,
        answers: { ...before.answers, 'cap-do-attt': 4 },
        content: { ...before.content, kpis: [{ ...KPI, unit: 'm/s' }] },
      }),
    ).toEqual(['security', 'kpi']);
    expect(changedGroups(ALL, before, { ...before, requirementSetId: 'set-2' })).toEqual([
      'capability',
      'security',
      'kpi',
    ]);
  });

  it('decides a submission once; capacity may later displace or promote it', () => {
    const allowed: Array<[SubmissionStatus, SubmissionEvent, SubmissionStatus]> = [
      ['SUBMITTED', 'assign', 'UNDER_REVIEW'],
      ['UNDER_REVIEW', 'approve', 'LISTED'],
      ['UNDER_REVIEW', 'queue', 'WAITING'],
      ['UNDER_REVIEW', 'reject', 'REJECTED'],
      ['LISTED', 'displace', 'WAITING'],
      ['WAITING', 'promote', 'LISTED'],
    ];
    const events: SubmissionEvent[] = ['assign', 'approve', 'queue', 'reject', 'displace', 'promote'];
    for (const from of SUBMISSION_STATUSES)
      for (const event of events) {
        const to = allowed.find(([f, e]) => f === from && e === event)?.[2];
        expect({ from, event, to: submissionLifecycle.next(from, event) }).toEqual({ from, event, to });
      }
  });
});

describe('document requirements', () => {
  const CERT: Requirement = {
    id: 'chung-chi-iso',
    title: 'Chứng chỉ ISO/IEC 27001',
    group: 'security',
    type: 'document',
    mandatory: true,
    scoring: 'automatic',
    allowedTypes: ['application/pdf'],
  };
  const DOC = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('takes a document id as the answer and checks its detected type', () => {
    expect(() => checkAnswers([CERT], [{ requirementId: CERT.id, value: 'iso.pdf' }])).toThrow(
      expect.objectContaining({ code: 'PRECHECK.WRONG_ANSWER_TYPE' }),
    );
    const answers = checkAnswers([CERT], [{ requirementId: CERT.id, value: DOC }]);
    expect(
      automaticFailures([CERT], answers, [], TODAY, new Map([[DOC, 'application/pdf']])).filter((f) => f.requirementId),
    ).toEqual([]);
    expect(
      automaticFailures([CERT], answers, [], TODAY, new Map([[DOC, 'image/png']])).map((f) => f.requirementId),
    ).toEqual([CERT.id, undefined]);
  });

  it('refuses a set allowing a type the store cannot detect', () => {
    expect(requirementSetProblems([{ ...CERT, allowedTypes: ['application/x-msdownload'] }])).toHaveLength(1);
  });
});
