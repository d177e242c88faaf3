import { errorCodes } from '@app/kernel';

export const LedgerErrors = errorCodes('LEDGER', {
  INSUFFICIENT_FUNDS: {
    kind: 'UNPROCESSABLE',
    message: 'Số dư tài khoản không đủ. / Insufficient funds in the account.',
  },
  UNBALANCED_TRANSFER: {
    kind: 'INVALID',
    message: 'Bút toán không cân (tổng các vế khác 0). / Transfer legs do not sum to zero.',
  },
  IDEMPOTENCY_CONFLICT: {
    kind: 'CONFLICT',
    message: 'Mã giao dịch đã dùng cho một bút toán khác. / Transfer id already used with different legs.',
  },
  ACCOUNT_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy tài khoản sổ cái. / Ledger account not found.' },
  INVALID_CURSOR: {
    kind: 'INVALID',
    message: 'Con trỏ trang không hợp lệ. / The page cursor is not valid.',
  },
  INVALID_AMOUNT: {
    kind: 'INVALID',
    message: 'Số tiền phải là số nguyên đồng dương. / Amount must be a positive whole number of đồng.',
  },
});
