import { lazy } from 'react';
import type { WorkArea } from '../../work/area';
import { officerPaths } from './paths';
import { officerEn, officerVi } from './text';

const OrdersPage = lazy(() => import('./OrdersPage'));
const AwaitingPage = lazy(() => import('./AwaitingPage'));
const OrderPage = lazy(() => import('./OrderPage'));

export const officerArea: WorkArea = {
  namespace: 'officer',
  roles: ['ACCEPTANCE_OFFICER'],
  home: officerPaths.home,
  routes: [
    { index: true, element: <OrdersPage /> },
    { path: 'cho-ky', element: <AwaitingPage /> },
    { path: 'don-hang/:orderId', element: <OrderPage /> },
  ],
  text: { vi: officerVi, en: officerEn },
};
