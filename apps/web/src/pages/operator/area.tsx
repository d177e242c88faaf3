import type { WorkArea } from '../../work/area';
import { operatorEn, operatorVi } from './text';

export const operatorArea: WorkArea = {
  namespace: 'operator',
  roles: ['OPERATOR_ADMIN'],
  home: '/quan-tri',
  routes: [],
  text: { vi: operatorVi, en: operatorEn },
};
