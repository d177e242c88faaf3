import { lazy } from 'react';
import type { WorkArea } from '../../work/area';
import { funderEn, funderVi } from './text';

const FunderPages = lazy(() => import('./FunderPages'));
const Pool = lazy(() => import('./Pool'));
const Orders = lazy(() => import('./FunderOrders').then((m) => ({ default: m.FunderOrderList })));
const Order = lazy(() => import('./FunderOrders').then((m) => ({ default: m.FunderOrder })));

export const funderArea: WorkArea = {
  namespace: 'funder',
  roles: ['FUNDER'],
  home: '/dong-tai-tro',
  routes: [
    {
      element: <FunderPages />,
      children: [
        { index: true, element: <Pool /> },
        { path: 'don-hang', element: <Orders /> },
        { path: 'don-hang/:id', element: <Order /> },
      ],
    },
  ],
  text: { vi: funderVi, en: funderEn },
};
