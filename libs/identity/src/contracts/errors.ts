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
