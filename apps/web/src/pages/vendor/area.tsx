import { lazy } from 'react';
import type { WorkArea } from '../../work/area';
import { VendorLayout } from './shared';
import { vendorVi } from './text';
import { vendorEn } from './text-en';

const Profile = lazy(() => import('./Profile'));
const Solutions = lazy(() => import('./Solutions'));
const SolutionForm = lazy(() => import('./SolutionForm'));
const SolutionDetail = lazy(() => import('./SolutionDetail'));
const Precheck = lazy(() => import('./Precheck'));
const Calls = lazy(() => import('./Calls'));
const OfferForm = lazy(() => import('./OfferForm'));
const Orders = lazy(() => import('./Orders'));
const OrderDetail = lazy(() => import('./OrderDetail'));
const Money = lazy(() => import('./Money'));
const Trust = lazy(() => import('./Trust'));

export const vendorArea: WorkArea = {
  namespace: 'vendor',
  roles: ['VENDOR'],
  home: '/nha-cung-cap',
  routes: [
    {
      element: <VendorLayout />,
      children: [
        { index: true, element: <Profile /> },
        { path: 'giai-phap', element: <Solutions /> },
        { path: 'giai-phap/moi', element: <SolutionForm /> },
        { path: 'giai-phap/:id', element: <SolutionDetail /> },
        { path: 'giai-phap/:id/sua', element: <SolutionForm /> },
        { path: 'giai-phap/:id/tien-kiem', element: <Precheck /> },
        { path: 'loi-moi', element: <Calls /> },
        { path: 'loi-moi/:id', element: <OfferForm /> },
        { path: 'don-hang', element: <Orders /> },
        { path: 'don-hang/:id', element: <OrderDetail /> },
        { path: 'thanh-toan', element: <Money /> },
        { path: 'tin-nhiem', element: <Trust /> },
      ],
    },
  ],
  text: { vi: vendorVi, en: vendorEn },
};
