import { lazy } from 'react';
import type { WorkArea } from '../../work/area';
import { buyerVi } from './text';
import { buyerEn } from './text-en';

const BuyerPages = lazy(() => import('./BuyerPages'));
const Problems = lazy(() => import('./Problems'));
const NewProblem = lazy(() => import('./Problems').then((m) => ({ default: m.NewProblem })));
const ProblemDetail = lazy(() => import('./ProblemDetail'));
const Proposals = lazy(() => import('./Proposals'));
const Calls = lazy(() => import('./Calls'));
const CallDetail = lazy(() => import('./CallDetail'));
const Orders = lazy(() => import('./OrderPage').then((m) => ({ default: m.BuyerOrders })));
const Order = lazy(() => import('./OrderPage').then((m) => ({ default: m.BuyerOrder })));
const Budget = lazy(() => import('./Budget'));

export const buyerArea: WorkArea = {
  namespace: 'buyer',
  roles: ['BUYER'],
  home: '/co-quan',
  routes: [
    {
      element: <BuyerPages />,
      children: [
        { index: true, element: <Problems /> },
        { path: 'bai-toan/moi', element: <NewProblem /> },
        { path: 'bai-toan/:id', element: <ProblemDetail /> },
        { path: 'de-xuat', element: <Proposals /> },
        { path: 'loi-moi', element: <Calls /> },
        { path: 'loi-moi/:id', element: <CallDetail /> },
        { path: 'don-hang', element: <Orders /> },
        { path: 'don-hang/:id', element: <Order /> },
        { path: 'ngan-sach', element: <Budget /> },
      ],
    },
  ],
  text: { vi: buyerVi, en: buyerEn },
};
