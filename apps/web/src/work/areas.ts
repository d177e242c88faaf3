import { assessorArea } from '../pages/assessor/area';
import { buyerArea } from '../pages/buyer/area';
import { funderArea } from '../pages/funder/area';
import { officerArea } from '../pages/officer/area';
import { operatorArea } from '../pages/operator/area';
import { vendorArea } from '../pages/vendor/area';
import { notificationsArea } from '../pages/vendor/notifications-area';
import type { WorkArea } from './area';

/** Every role's work pages, in menu order. */
export const workAreas: WorkArea[] = [
  vendorArea,
  buyerArea,
  officerArea,
  assessorArea,
  operatorArea,
  funderArea,
  notificationsArea,
];
