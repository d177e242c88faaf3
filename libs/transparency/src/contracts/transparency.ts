import { errorCodes } from '@app/kernel';

export const TransparencyErrors = errorCodes('TRANSPARENCY', {
  BAD_CURSOR: { kind: 'INVALID', message: 'Con trỏ phân trang không hợp lệ. / The page cursor is invalid.' },
  PROCESS_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy quy trình mua sắm với ocid này. / No contracting process with this ocid.',
  },
});
