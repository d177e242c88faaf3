import { errorCodes } from '@app/kernel';

/**
 * Nightly recomputation of every vendor (decay moves scores even without new outcomes), and the city dashboard's
 * refresh after a vendor's trust changed.
 */
export const RANKING_QUEUE = 'ranking';
export const RankingJobs = { nightly: 'nightly-recompute', refreshDashboard: 'refresh-dashboard' } as const;
export const NIGHTLY_PATTERN = '0 2 * * *';
export const NIGHTLY_TZ = 'Asia/Ho_Chi_Minh';

export const RankingErrors = errorCodes('RANKING', {
  INVALID_CURSOR: { kind: 'INVALID', message: 'Con trỏ trang không hợp lệ. / Invalid page cursor.' },
  SNAPSHOT_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy bản ghi điểm tín nhiệm. / Trust snapshot not found.',
  },
  FLAG_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy yêu cầu xem xét lại. / Re-check flag not found.',
  },
  FLAG_NOT_OPEN: {
    kind: 'CONFLICT',
    message:
      'Yêu cầu xem xét lại đã được quyết định hoặc đã kết thúc. / The re-check has already been decided or is over.',
  },
  SUSPENSION_END_REQUIRED: {
    kind: 'INVALID',
    message:
      'Đình chỉ cần ngày kết thúc trong tương lai; giữ hoặc hủy niêm yết thì không. / A suspension needs a future end date; keeping or delisting takes none.',
  },
  LINK_EXISTS: {
    kind: 'CONFLICT',
    message:
      'Liên hệ giữa cơ quan và nhà cung cấp này đã được khai báo. / This agency–vendor link is already declared.',
  },
});
