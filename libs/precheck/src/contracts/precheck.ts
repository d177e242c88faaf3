import { errorCodes, StateMachine } from '@app/kernel';

export const SUBMISSION_STATUSES = [
  'SUBMITTED',
  'AUTO_REJECTED',
  'UNDER_REVIEW',
  'LISTED',
  'WAITING',
  'REJECTED',
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export type SubmissionEvent = 'assign' | 'approve' | 'queue' | 'reject' | 'displace' | 'promote';

/**
 * A submission is created already evaluated: AUTO_REJECTED, UNDER_REVIEW, or SUBMITTED while fewer than two
 * unrelated assessors exist (the scheduler assigns it later). Assessors decide it once. In a category with a
 * capacity a listed one may be displaced by a better one and a waiting one promoted when a slot frees.
 */
export const submissionLifecycle = new StateMachine<SubmissionStatus, SubmissionEvent>('PRECHECK', 'submission', {
  SUBMITTED: { assign: 'UNDER_REVIEW' },
  AUTO_REJECTED: {},
  UNDER_REVIEW: { approve: 'LISTED', queue: 'WAITING', reject: 'REJECTED' },
  WAITING: { promote: 'LISTED' },
  LISTED: { displace: 'WAITING' },
  REJECTED: {},
});

/** Published for whoever ranks suppliers: a person was declared linked to a vendor. */
export const PRECHECK_EVENTS_QUEUE = 'precheck-events';
export const PrecheckEvents = { conflictDeclared: 'conflict-declared' } as const;
export interface ConflictDeclared {
  vendorOrganisationId: string;
}

/** Notices for people (the notifications inbox), kept apart from the events the ranking consumes. */
export const PRECHECK_NOTICES_QUEUE = 'precheck-notices';
export const PrecheckNotices = { assessorReplaced: 'assessor-replaced' } as const;
/** A linked assessor left a submission: who took the place, or nobody yet (the scheduler fills it later). */
export interface AssessorReplaced {
  submissionId: string;
  solutionId: string;
  /** The assessors' organisation (the operator), whose inbox gets the notice. */
  organisationId: string;
  removedAssessorUserId: string;
  newAssessorUserIds: string[];
}

export const GROUPS = ['capability', 'security', 'kpi'] as const;
export type Group = (typeof GROUPS)[number];

export const REQUIREMENT_TYPES = ['boolean', 'number', 'enum', 'date', 'document'] as const;
export type RequirementType = (typeof REQUIREMENT_TYPES)[number];

export const SCORINGS = ['automatic', 'human'] as const;
export type Scoring = (typeof SCORINGS)[number];

export interface Requirement {
  id: string;
  title: string;
  group: Group;
  type: RequirementType;
  mandatory: boolean;
  scoring: Scoring;
  /** boolean: the answer that passes. */
  expected?: boolean;
  /** number: inclusive bounds. */
  min?: number;
  max?: number;
  /** enum: every value an answer may take, and the ones that pass (all of them when absent). */
  options?: string[];
  accepted?: string[];
  /** date: how many days old the date may be (a penetration test, a certificate). */
  maxAgeDays?: number;
  /** document: the media types (detected from the bytes) that pass; any stored type when absent. */
  allowedTypes?: string[];
}

export type Weights = Record<Group, number>;

/** PRODUCT.md default: listed when every group ≥ 50 and the weighted total ≥ 70. */
export const DEFAULT_GROUP_MARK = 50;
export const DEFAULT_TOTAL_MARK = 70;
export const DEFAULT_WEIGHTS: Weights = { capability: 1, security: 1, kpi: 1 };
export const ASSESSORS_PER_SUBMISSION = 2;

export type Answer = boolean | number | string;

export interface Failure {
  group: Group;
  requirementId?: string;
  kpiId?: string;
  missing?: string[];
  reason: string;
}

export interface GroupScore {
  group: Group;
  score: number;
  reason: string;
}

export const PrecheckErrors = errorCodes('PRECHECK', {
  INVALID_CURSOR: { kind: 'INVALID', message: 'Con trỏ trang không hợp lệ. / Invalid page cursor.' },
  SUBMISSION_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy hồ sơ tiền kiểm. / Pre-check submission not found.',
  },
  NOT_OWNER: {
    kind: 'FORBIDDEN',
    message: 'Chỉ nhà cung cấp sở hữu giải pháp mới được nộp. / Only the owning vendor may submit.',
  },
  INVALID_REQUIREMENT_SET: {
    kind: 'INVALID',
    message: 'Bộ tiêu chí không hợp lệ. / The requirement set is invalid.',
  },
  UNKNOWN_REQUIREMENT: {
    kind: 'INVALID',
    message: 'Câu trả lời cho tiêu chí không có trong bộ tiêu chí. / An answer names an unknown requirement.',
  },
  UNKNOWN_DOCUMENT: {
    kind: 'INVALID',
    message: 'Tài liệu trả lời không thuộc giải pháp này. / An answer names a document that is not this solution’s.',
  },
  DUPLICATE_ANSWER: {
    kind: 'INVALID',
    message: 'Một tiêu chí được trả lời nhiều lần. / A requirement is answered more than once.',
  },
  WRONG_ANSWER_TYPE: {
    kind: 'INVALID',
    message: 'Kiểu câu trả lời không đúng với tiêu chí. / An answer has the wrong type for its requirement.',
  },
  NOT_ASSIGNED: {
    kind: 'FORBIDDEN',
    message: 'Hồ sơ không được phân công cho bạn. / The submission is not assigned to you.',
  },
  CONFLICT_OF_INTEREST: {
    kind: 'FORBIDDEN',
    message: 'Bạn có liên quan đến nhà cung cấp này. / You are linked to this vendor.',
  },
  ALREADY_SCORED: {
    kind: 'CONFLICT',
    message: 'Bạn đã chấm hồ sơ này. / You have already scored this submission.',
  },
  INCOMPLETE_SCORES: {
    kind: 'INVALID',
    message:
      'Cần chấm đúng một lần mỗi nhóm: năng lực, an toàn thông tin, đo lường KPI. / Score each group exactly once: capability, security, kpi.',
  },
  NOT_UNDER_REVIEW: {
    kind: 'CONFLICT',
    message: 'Hồ sơ không còn ở trạng thái thẩm định. / The submission is no longer under review.',
  },
  NOTHING_TO_RECHECK: {
    kind: 'CONFLICT',
    message:
      'Phiên bản mới không thay đổi gì cần tiền kiểm lại. / The new version changes nothing that needs re-checking.',
  },
  NOT_REVISED: {
    kind: 'CONFLICT',
    message:
      'Giải pháp đã niêm yết; hãy sửa để tạo phiên bản mới trước khi nộp lại. / The solution is listed; edit it into a new version first.',
  },
  NOT_AN_ASSESSOR: {
    kind: 'INVALID',
    message:
      'Người dùng không phải thành viên hội đồng tiền kiểm hay cán bộ nghiệm thu. / The user is neither an assessor nor an acceptance officer.',
  },
  OWN_CONFLICT_ONLY: {
    kind: 'FORBIDDEN',
    message:
      'Thành viên hội đồng chỉ khai báo quan hệ lợi ích của chính mình. / An assessor declares only their own conflicts.',
  },
  CONFLICT_EXISTS: {
    kind: 'CONFLICT',
    message: 'Quan hệ này đã được ghi nhận. / This link is already recorded.',
  },
});
