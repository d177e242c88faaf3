/** How the edge should treat an error; the one exception filter maps each kind to an HTTP status. */
export type ErrorKind =
  | 'INVALID'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNPROCESSABLE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export interface ErrorSpec {
  kind: ErrorKind;
  message: string;
}

/** A coded error (`ORDERING.ORDER_NOT_SIGNABLE`); domain code throws these, never HTTP exceptions. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * Declares a module's error codes once: `const E = errorCodes('ORDERING', { ORDER_NOT_SIGNABLE: {...} })`,
 * then `throw E.ORDER_NOT_SIGNABLE()` or `throw E.ORDER_NOT_SIGNABLE('custom message', details)`.
 */
export function errorCodes<K extends string>(
  module: string,
  specs: Record<K, ErrorSpec>,
): Record<K, (message?: string, details?: unknown) => DomainError> {
  const factories = {} as Record<K, (message?: string, details?: unknown) => DomainError>;
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    factories[key] = (message, details) =>
      new DomainError(`${module}.${key}`, spec.kind, message ?? spec.message, details);
  }
  return factories;
}
