import type { components } from '../api/openapi';

export type Principal = components['schemas']['PrincipalView'];
export type Role = Principal['roles'][number];

interface Session {
  token: string;
  principal: Principal;
}

const KEY = 'ccds.session';
const EXPIRED_KEY = 'ccds.session-expired';
const listeners = new Set<() => void>();

function read(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

let current = read();

function publish(next: Session | null): void {
  current = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

/**
 * The signed-in user, kept for the browser tab only (sessionStorage): closing the tab signs out. A 401 on a request
 * that carried the token means the session ended on the server; the sign-in page then says so.
 */
export const session = {
  get: () => current,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn(token: string, principal: Principal): void {
    sessionStorage.removeItem(EXPIRED_KEY);
    publish({ token, principal });
  },
  signOut(): void {
    publish(null);
  },
  expire(): void {
    sessionStorage.setItem(EXPIRED_KEY, '1');
    publish(null);
  },
  hasExpired: () => sessionStorage.getItem(EXPIRED_KEY) === '1',
  /** Whether the last session ended by expiry; reading it clears it. */
  takeExpired(): boolean {
    const expired = sessionStorage.getItem(EXPIRED_KEY) === '1';
    sessionStorage.removeItem(EXPIRED_KEY);
    return expired;
  },
};
