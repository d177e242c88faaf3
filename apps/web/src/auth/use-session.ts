import { useSyncExternalStore } from 'react';
import { session, type Role } from './session';

export function useSession() {
  return useSyncExternalStore(session.subscribe, session.get);
}

/** Whether the signed-in user holds one of the roles. */
export function useHasRole(...roles: Role[]): boolean {
  const current = useSession();
  return !!current && current.principal.roles.some((role) => roles.includes(role));
}
