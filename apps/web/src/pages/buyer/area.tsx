import type { WorkArea } from '../../work/area';
import { buyerEn, buyerVi } from './text';

export const buyerArea: WorkArea = {
  namespace: 'buyer',
  roles: ['BUYER'],
  home: '/co-quan',
  routes: [],
  text: { vi: buyerVi, en: buyerEn },
};
