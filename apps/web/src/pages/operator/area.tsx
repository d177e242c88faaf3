import { lazy } from 'react';
import type { WorkArea } from '../../work/area';
import OperatorLayout from './OperatorLayout';
import { operatorEn, operatorVi } from './text';

const Organisations = lazy(() => import('./Organisations'));
const Organisation = lazy(() => import('./Organisation'));
const Categories = lazy(() => import('./Categories'));
const RequirementSetEditor = lazy(() => import('./RequirementSetEditor'));
const Money = lazy(() => import('./Money'));
const Listings = lazy(() => import('./Listings'));
const Disputes = lazy(() => import('./Disputes'));
const Queues = lazy(() => import('./Queues'));

export const operatorArea: WorkArea = {
  namespace: 'operator',
  roles: ['OPERATOR_ADMIN'],
  home: '/quan-tri',
  routes: [
    {
      element: <OperatorLayout />,
      children: [
        { index: true, element: <Organisations /> },
        { path: 'to-chuc/:id', element: <Organisation /> },
        { path: 'linh-vuc', element: <Categories /> },
        { path: 'linh-vuc/:code/bo-tieu-chi', element: <RequirementSetEditor /> },
        { path: 'ngan-sach', element: <Money /> },
        { path: 'niem-yet', element: <Listings /> },
        { path: 'khieu-nai', element: <Disputes /> },
        { path: 'hang-doi', element: <Queues /> },
      ],
    },
  ],
  text: { vi: operatorVi, en: operatorEn },
};
