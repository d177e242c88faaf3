import type { WorkArea } from '../../work/area';
import { vendorEn, vendorVi } from './text';

export const vendorArea: WorkArea = {
  namespace: 'vendor',
  roles: ['VENDOR'],
  home: '/nha-cung-cap',
  routes: [],
  text: { vi: vendorVi, en: vendorEn },
};
