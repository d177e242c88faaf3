import { errorCodes } from '@app/kernel';

/** One delivery of one notification to one organisation's webhook; retried with the queue's backoff. */
export const WEBHOOK_QUEUE = 'webhook-deliveries';
export const WebhookJobs = { deliver: 'webhook-deliver' } as const;
export interface WebhookJob {
  deliveryId: string;
}

/** Headers of a delivery: the signature covers `<timestamp>.<body>` with the webhook's secret (HMAC-SHA256, hex). */
export const WEBHOOK_SIGNATURE_HEADER = 'x-cds-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-cds-timestamp';
export const WEBHOOK_EVENT_HEADER = 'x-cds-event';
export const WEBHOOK_DELIVERY_HEADER = 'x-cds-delivery';

export const NotificationsErrors = errorCodes('NOTIFICATIONS', {
  NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy thông báo. / Notification not found.' },
  WEBHOOK_NOT_FOUND: { kind: 'NOT_FOUND', message: 'Không tìm thấy webhook. / Webhook not found.' },
  INVALID_CURSOR: { kind: 'INVALID', message: 'Con trỏ trang không hợp lệ. / Invalid page cursor.' },
  DELIVERY_NOT_FOUND: {
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy lần gửi webhook. / Webhook delivery not found.',
  },
  INVALID_WEBHOOK_URL: {
    kind: 'INVALID',
    message:
      'Địa chỉ webhook phải là URL http(s) tuyệt đối, không chứa tên đăng nhập/mật khẩu, tối đa 2000 ký tự. / The webhook URL must be an absolute http(s) URL without credentials, at most 2000 characters.',
  },
  DELIVERY_IN_PROGRESS: {
    kind: 'CONFLICT',
    message: 'Lần gửi này đang chờ gửi lại. / This delivery is already waiting to be sent.',
  },
});
