import type { WorkArea } from '../../work/area';
import { assessorEn, assessorVi } from './text';

export const assessorArea: WorkArea = {
  namespace: 'assessor',
  roles: ['ASSESSOR'],
  home: '/tien-kiem',
  routes: [],
  text: { vi: assessorVi, en: assessorEn },
};
