import { errorCodes } from '@app/kernel';

export const IdentityErrors = errorCodes('IDENTITY', {
  UNAUTHENTICATED: { kind: 'UNAUTHENTICATED', message: 'Cần đăng nhập. / Authentication required.' },
  INVALID_CREDENTIALS: {
    kind: 'UNAUTHENTICATED',
    message: 'Email hoặc mật khẩu không đúng. / Wrong email or password.',
  },
  INVALID_API_KEY: {
    kind: 'UNAUTHENTICATED',
    message: 'Khoá API không hợp lệ hoặc đã bị thu hồi. / The API key is invalid or revoked.',
  },
  FORBIDDEN_ROLE: {
    kind: 'FORBIDDEN',
    message: 'Vai trò của bạn không được phép thực hiện thao tác này. / Your role may not do this.',
  },
  FORBIDDEN_ORGANISATION: {
    kind: 'FORBIDDEN',
    message: 'Thao tác ngoài phạm vi tổ chức của bạn. / Outside your organisation.',
  },
  ORGANISATION_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy tổ chức. / Organisation not found.' },
  SESSION_REVOKED: {
    kind: 'UNAUTHENTICATED',
    message:
      'Phiên đăng nhập đã bị thu hồi (tài khoản bị khoá hoặc quyền đã thay đổi); hãy đăng nhập lại. / ' +
      'The session was revoked (account disabled or access changed); log in again.',
  },
  USER_DISABLED: {
    kind: 'FORBIDDEN',
    message: 'Tài khoản đã bị khoá; hãy liên hệ quản trị Chợ. / The account is disabled; contact the operator.',
  },
  RATE_LIMITED: {
    kind: 'RATE_LIMITED',
    message: 'Quá nhiều lần đăng nhập sai; hãy đợi rồi thử lại. / Too many failed logins; wait and retry.',
  },
  USER_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy người dùng. / User not found.' },
  CANNOT_CHANGE_OWN_ACCESS: {
    kind: 'CONFLICT',
    message:
      'Không thể tự khoá hoặc tự đổi vai trò của mình; hãy nhờ quản trị viên khác. / ' +
      'You cannot disable yourself or change your own roles; ask another operator.',
  },
  INVALID_CURSOR: { kind: 'INVALID', message: 'Con trỏ trang không hợp lệ. / Invalid page cursor.' },
  API_KEY_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy khoá API. / API key not found.' },
  INVALID_TAX_CODE: {
    kind: 'INVALID',
    message: 'Mã số thuế không hợp lệ (10 chữ số, hoặc 10 + 3 chữ số chi nhánh). / Invalid tax code.',
  },
  TAX_CODE_REQUIRED: {
    kind: 'INVALID',
    message: 'Nhà cung cấp phải có mã số thuế. / A vendor organisation needs a tax code.',
  },
  TAX_CODE_TAKEN: { kind: 'CONFLICT', message: 'Mã số thuế đã được đăng ký. / Tax code already registered.' },
  EMAIL_TAKEN: { kind: 'CONFLICT', message: 'Email đã được sử dụng. / Email already in use.' },
  ROLE_NOT_ALLOWED_FOR_ORGANISATION: {
    kind: 'INVALID',
    message: 'Vai trò không phù hợp với loại tổ chức. / Role not allowed for this organisation type.',
  },
});
