import { lazy } from 'react';
import type { WorkArea } from '../../work/area';

const Notifications = lazy(() => import('./Notifications'));

const notificationsVi = {
  nav: 'Thông báo',
  title: 'Thông báo của tổ chức',
  read: 'Đã đọc',
  unread: 'Chưa đọc',
  markRead: 'Đánh dấu đã đọc',
};

const notificationsEn: typeof notificationsVi = {
  nav: 'Notifications',
  title: 'My organisation’s notifications',
  read: 'Read',
  unread: 'Unread',
  markRead: 'Mark as read',
};

/** The inbox, for every signed-in role (kept last in the menu so sign-in still lands on the role's own area). */
export const notificationsArea: WorkArea = {
  namespace: 'notifications',
  roles: ['VENDOR', 'BUYER', 'ACCEPTANCE_OFFICER', 'ASSESSOR', 'OPERATOR_ADMIN', 'CITY_VIEWER', 'FUNDER'],
  home: '/thong-bao',
  routes: [{ index: true, element: <Notifications /> }],
  text: { vi: notificationsVi, en: notificationsEn },
};
