import { lazy } from 'react';
import type { WorkArea } from '../../work/area';
import { assessorEn, assessorVi } from './text';

const Queue = lazy(() => import('./Queue'));
const Submission = lazy(() => import('./Submission'));

export const assessorArea: WorkArea = {
  namespace: 'assessor',
  roles: ['ASSESSOR'],
  home: '/tien-kiem',
  routes: [
    { index: true, element: <Queue /> },
    { path: 'ho-so/:id', element: <Submission /> },
  ],
  text: { vi: assessorVi, en: assessorEn },
};
