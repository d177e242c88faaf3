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

/** The signed-in user's organisation (a vendor, an agency or a co-funder, as the area's roles admit). */
export function useOrganisationId(): string {
  return useSession()?.principal.organisationId ?? '';
}
