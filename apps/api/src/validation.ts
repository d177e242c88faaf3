import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '@app/kernel';

/** PostgreSQL `integer`, the type of every numbered path segment (round numbers). */
const PG_INTEGER_MAX = 2 ** 31 - 1;

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function invalid(details: Array<{ field: string; problems: string[] }>): DomainError {
  const fields = details.map((d) => d.field).join(', ');
  return new DomainError(
    'VALIDATION.FAILED',
    'INVALID',
    `Dữ liệu không hợp lệ: ${fields}. / Invalid input: ${fields}.`,
    details,
  );
}

/**
 * A field sent as null is a field not sent: optional fields then take their defaults, required ones are missing
 * (code reads `dto.x === undefined`; null would slip past `@IsOptional()` into it).
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== null)
      .map(([key, item]) => [key, withoutNulls(item)]),
  );
}

/**
 * Unknown fields are refused; every problem names its field. A numeric path parameter is a whole number that fits
 * PostgreSQL's `integer`, checked before any route pipe parses it.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param' && metadata.metatype === Number) assertPathInteger(value, metadata.data ?? 'param');
    return super.transform(metadata.type === 'body' ? withoutNulls(value) : value, metadata);
  }
}

export function assertPathInteger(value: unknown, field: string): void {
  const text = String(value);
  if (/^\d{1,10}$/.test(text) && Number(text) <= PG_INTEGER_MAX) return;
  throw invalid([{ field, problems: [`${field} must be a whole number from 0 to ${PG_INTEGER_MAX}`] }]);
}

export const validationPipe = new ApiValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => invalid(flatten(errors)),
});
