import type { WorkArea } from '../../work/area';
import { officerEn, officerVi } from './text';

export const officerArea: WorkArea = {
  namespace: 'officer',
  roles: ['ACCEPTANCE_OFFICER'],
  home: '/nghiem-thu',
  routes: [],
  text: { vi: officerVi, en: officerEn },
};
