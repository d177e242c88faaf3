import type { RouteObject } from 'react-router';
import type { Role } from '../auth/session';

/**
 * A role's work pages: the routes under its home path, shown in the menu to users holding one of its roles. Each
 * area keeps its texts in its own i18n namespace (its `text`, Vietnamese first).
 */
export interface WorkArea {
  namespace: string;
  roles: Role[];
  home: string;
  routes: RouteObject[];
  text: { vi: Record<string, unknown>; en: Record<string, unknown> };
}
