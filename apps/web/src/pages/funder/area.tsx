import type { WorkArea } from '../../work/area';
import { funderEn, funderVi } from './text';

export const funderArea: WorkArea = {
  namespace: 'funder',
  roles: ['FUNDER'],
  home: '/dong-tai-tro',
  routes: [],
  text: { vi: funderVi, en: funderEn },
};
