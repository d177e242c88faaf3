import { FoundationSchema1795460000000 } from './1795460000000-foundation-schema';
import { FoundationIntegrity1795460000001 } from './1795460000001-foundation-integrity';

/** In order; forward-only. */
export const migrations = [FoundationSchema1795460000000, FoundationIntegrity1795460000001];
