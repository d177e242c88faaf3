import { errorCodes } from '@app/kernel';

/** Nightly recomputation of every vendor (decay moves scores even without new outcomes). */
export const RANKING_QUEUE = 'ranking';
export const RankingJobs = { nightly: 'nightly-recompute' } as const;
export const NIGHTLY_PATTERN = '0 2 * * *';
export const NIGHTLY_TZ = 'Asia/Ho_Chi_Minh';

export const RankingErrors = errorCodes('RANKING', {
  SNAPSHOT_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy bản ghi điểm tín nhiệm. / Trust snapshot not found.',
  },
  LINK_EXISTS: {
    kind: 'CONFLICT',
    message:
      'Liên hệ giữa cơ quan và nhà cung cấp này đã được khai báo. / This agency–vendor link is already declared.',
  },
});
