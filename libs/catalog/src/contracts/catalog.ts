import { errorCodes, StateMachine } from '@app/kernel';
export type { KpiDirection } from '@app/kernel';

export const SOLUTION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'AUTO_REJECTED',
  'UNDER_REVIEW',
  'LISTED',
  'WAITING',
  'REJECTED',
  'SUSPENDED',
  'EXPIRED',
  'DELISTED',
] as const;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];
export type SolutionEvent =
  | 'submit'
  | 'auto_reject'
  | 'start_review'
  | 'list'
  | 'wait'
  | 'reject'
  | 'revise'
  | 'suspend'
  | 'lift_suspension'
  | 'expire'
  | 'delist'
  | 'displace';

/** Tier 1 (PRODUCT.md): a rejected or expired solution goes back to draft to be resubmitted as a new version. */
export const solutionLifecycle = new StateMachine<SolutionStatus, SolutionEvent>('CATALOG', 'solution', {
  DRAFT: { submit: 'SUBMITTED' },
  SUBMITTED: { auto_reject: 'AUTO_REJECTED', start_review: 'UNDER_REVIEW' },
  AUTO_REJECTED: { revise: 'DRAFT' },
  UNDER_REVIEW: { list: 'LISTED', wait: 'WAITING', reject: 'REJECTED' },
  WAITING: { list: 'LISTED', delist: 'DELISTED' },
  REJECTED: { revise: 'DRAFT' },
  // displace: a better-scoring solution took the slot of a full category; it waits for the next free one.
  LISTED: { suspend: 'SUSPENDED', expire: 'EXPIRED', delist: 'DELISTED', displace: 'WAITING' },
  SUSPENDED: { lift_suspension: 'LISTED', expire: 'EXPIRED', delist: 'DELISTED' },
  EXPIRED: { revise: 'DRAFT' },
  DELISTED: {},
});

/**
 * A listed solution edited by its vendor: the new version is re-checked while buyers keep seeing the checked one.
 * NONE means the live content is the checked content.
 */
export const REVISION_STATUSES = ['NONE', 'DRAFT', 'SUBMITTED', 'AUTO_REJECTED', 'UNDER_REVIEW', 'REJECTED'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];
export type RevisionEvent = 'edit' | 'submit' | 'auto_reject' | 'start_review' | 'accept' | 'reject';

export const revisionLifecycle = new StateMachine<RevisionStatus, RevisionEvent>('CATALOG', 'solution revision', {
  NONE: { edit: 'DRAFT' },
  DRAFT: { edit: 'DRAFT', submit: 'SUBMITTED' },
  SUBMITTED: { auto_reject: 'AUTO_REJECTED', start_review: 'UNDER_REVIEW' },
  AUTO_REJECTED: { edit: 'DRAFT' },
  UNDER_REVIEW: { accept: 'NONE', reject: 'REJECTED' },
  REJECTED: { edit: 'DRAFT' },
});

/** Statuses in which a solution is on the public catalogue or may return to it, and so can be revised. */
export const REVISABLE_LISTINGS: readonly SolutionStatus[] = ['LISTED', 'SUSPENDED', 'WAITING'];

/** The ranking's trust labels (libs/ranking); a vendor without enough evidence is a new vendor. */
export const TRUST_LABELS = ['XUAT_SAC', 'TOT', 'DAT', 'CAN_CAI_THIEN', 'YEU', 'NHA_CUNG_CAP_MOI'] as const;
export type TrustLabel = (typeof TRUST_LABELS)[number];
export const NEW_VENDOR_LABEL = 'NHA_CUNG_CAP_MOI' satisfies TrustLabel;

/** Events of the listing lifecycle that reach the vendor's inbox (libs/notifications). */
export const CATALOG_EVENTS_QUEUE = 'catalog-events';
export const CatalogEvents = {
  expiryReminder: 'listing-expiry-reminder',
  displaced: 'listing-displaced',
  promoted: 'listing-promoted',
  /** the vendor's trust lower bound fell under the floor: the vendor and the operators are told */
  recheckOpened: 'listing-recheck-opened',
  suspended: 'listing-suspended',
  reinstated: 'listing-reinstated',
  delisted: 'listing-delisted',
} as const;
/** What a listing under a trust re-check shows. */
export const RECHECK_LABEL_VI = 'Đang xem xét lại';
export type CatalogEventName = (typeof CatalogEvents)[keyof typeof CatalogEvents];
export interface ListingNotice {
  solutionId: string;
  vendorOrganisationId: string;
  solutionName: string;
  categoryCode: string;
  /** expiry reminder: when the listing expires */
  expiresAt?: string;
  /** displaced: the solution's rank in the category's waiting queue */
  waitingRank?: number;
  /** suspended or delisted: the operator's reason */
  reason?: string;
  /** suspended: until when */
  suspendedUntil?: string;
  /** One id per occurrence (a solution may be displaced twice): the job id and the inbox's dedup key. */
  noticeId: string;
}

export const DEPLOYMENT_MODELS = ['cloud', 'on_premise', 'hybrid', 'saas'] as const;
export type DeploymentModel = (typeof DEPLOYMENT_MODELS)[number];

export const AGGREGATIONS = ['mean', 'sum', 'last', 'count', 'ratio', 'percentile'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** What a KPI offer must declare to be measurable (PRODUCT.md, Tier 1, group 3). */
export const KPI_REQUIRED_FIELDS = [
  'metric',
  'unit',
  'direction',
  'dataSource',
  'dataOwner',
  'measurementMethod',
  'aggregation',
  'frequency',
  'baselineMethod',
  'minimumSample',
  'evidenceFormat',
] as const;
export type KpiRequiredField = (typeof KPI_REQUIRED_FIELDS)[number];

export const CatalogErrors = errorCodes('CATALOG', {
  SOLUTION_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy giải pháp. / Solution not found.' },
  CATEGORY_NOT_FOUND: { kind: 'INVALID', message: 'Danh mục lĩnh vực không tồn tại. / Unknown category.' },
  CATEGORY_EXISTS: { kind: 'CONFLICT', message: 'Mã lĩnh vực đã tồn tại. / The category code already exists.' },
  NOT_OWNER: {
    kind: 'FORBIDDEN',
    message: 'Giải pháp thuộc nhà cung cấp khác. / The solution belongs to another vendor.',
  },
  NO_KPI: {
    kind: 'UNPROCESSABLE',
    message: 'Giải pháp cần ít nhất một KPI có thể cam kết. / A solution needs at least one committable KPI.',
  },
  CATEGORY_LOCKED: {
    kind: 'CONFLICT',
    message:
      'Không đổi lĩnh vực của giải pháp đã niêm yết; hãy tạo giải pháp mới. / A listed solution cannot change category; create a new one.',
  },
  DOCUMENT_TOO_LARGE: {
    kind: 'INVALID',
    message: 'Tệp vượt quá dung lượng cho phép. / The document exceeds the size limit.',
  },
  DOCUMENT_TYPE_REFUSED: {
    kind: 'INVALID',
    message:
      'Nội dung tệp không phải PDF, PNG hoặc JPEG. / The file content is not a PDF, PNG or JPEG (checked by its bytes).',
  },
  DOCUMENT_MISSING: {
    kind: 'INVALID',
    message:
      'Cần gửi đúng một tệp (multipart/form-data, trường "file"). / Send exactly one file (multipart field "file").',
  },
  DOCUMENT_FIELD_INVALID: {
    kind: 'INVALID',
    message:
      'Tên tệp hoặc trường kèm theo không hợp lệ (trống, quá dài hoặc có ký tự không cho phép). / ' +
      'The file name or a form field is invalid (blank, too long or with characters not allowed).',
  },
  INVALID_PRICE_RANGE: {
    kind: 'INVALID',
    message: 'Giá tối thiểu lớn hơn giá tối đa. / The minimum price exceeds the maximum.',
  },
  INVALID_CURSOR: { kind: 'INVALID', message: 'Con trỏ trang không hợp lệ. / Invalid page cursor.' },
  DOCUMENT_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy tài liệu. / Document not found.' },
  DOCUMENT_NOT_PENDING: {
    kind: 'CONFLICT',
    message: 'Tài liệu không chờ duyệt (đã được chấp nhận hoặc từ chối). / The document is not awaiting review.',
  },
  REJECTION_REASON_REQUIRED: {
    kind: 'INVALID',
    message: 'Từ chối tài liệu cần nêu lý do. / Rejecting a document needs a reason.',
  },
  CONFIDENTIAL_REASON_REQUIRED: {
    kind: 'INVALID',
    message:
      'Tài liệu mật cần lý do (3–1000 ký tự); tài liệu công khai không có lý do. / A confidential document needs a reason (3–1000 characters); a public one has none.',
  },
  UNKNOWN_TRUST_LABEL: { kind: 'INVALID', message: 'Nhãn tín nhiệm không hợp lệ. / Unknown trust label.' },
  SUSPENSION_END_IN_PAST: {
    kind: 'INVALID',
    message: 'Ngày kết thúc đình chỉ phải ở tương lai. / The suspension end date must be in the future.',
  },
});
