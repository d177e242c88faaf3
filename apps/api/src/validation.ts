import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { DomainError } from '@app/kernel';

/** PostgreSQL `integer`, the type of every numbered path segment (round numbers). */
const PG_INTEGER_MAX = 2 ** 31 - 1;

/** class-validator's checks in Vietnamese; `n` is the limit its English message names (its last number). */
const VIETNAMESE: Record<string, (n: string, english: string) => string> = {
  isNotEmpty: () => 'Không được để trống',
  isDefined: () => 'Bắt buộc phải có',
  arrayNotEmpty: () => 'Cần ít nhất một phần tử',
  isString: () => 'Phải là văn bản',
  isLength: (n, english) => (english.includes('longer') ? `Cần ít nhất ${n} ký tự` : `Tối đa ${n} ký tự`),
  minLength: (n) => `Cần ít nhất ${n} ký tự`,
  maxLength: (n) => `Tối đa ${n} ký tự`,
  isIn: (_, english) => `Phải là một trong các giá trị: ${english.split(': ').pop()}`,
  min: (n) => `Không được nhỏ hơn ${n}`,
  max: (n) => `Không được lớn hơn ${n}`,
  isInt: () => 'Phải là số nguyên',
  isNumber: () => 'Phải là số',
  isUuid: () => 'Phải là mã định danh (UUID) hợp lệ',
  matches: () => 'Không đúng định dạng',
  arrayMinSize: (n) => `Cần ít nhất ${n} phần tử`,
  arrayMaxSize: (n) => `Tối đa ${n} phần tử`,
  isBoolean: () => 'Phải là đúng hoặc sai (true/false)',
  isArray: () => 'Phải là một danh sách',
  isDateString: () => 'Phải là ngày giờ ISO 8601, ví dụ 2027-01-31T09:00:00+07:00',
  isEmail: () => 'Địa chỉ thư điện tử không hợp lệ',
  isDongAmount: () => 'Phải là số đồng nguyên viết dạng chuỗi, trong giới hạn cho phép',
  whitelistValidation: () => 'Trường này không được gửi',
  nestedValidation: () => 'Phải là một đối tượng',
};

/** A problem as the API says it everywhere: Vietnamese first, then the English detail. */
function bilingual(constraint: string, english: string): string {
  const say = VIETNAMESE[constraint === 'isUUID' ? 'isUuid' : constraint];
  const limit = english.match(/-?\d+(\.\d+)?/g)?.pop() ?? '';
  return `${say ? say(limit, english) : 'Giá trị không hợp lệ'} / ${english}`;
}

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints
      ? [{ field, problems: Object.entries(error.constraints).map(([name, english]) => bilingual(name, english)) }]
      : [];
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
  throw invalid([
    {
      field,
      problems: [
        `Phải là số nguyên từ 0 đến ${PG_INTEGER_MAX} / ${field} must be a whole number from 0 to ${PG_INTEGER_MAX}`,
      ],
    },
  ]);
}

/**
 * class-validator looks up a class's rules on every validation by testing every registered class for being an
 * ancestor, then groups them by property (typestack/class-validator#2686): with this API's DTOs, a twentieth of the
 * memory a catalogue search allocated. A class's rules are complete once its declaration has run, before any instance
 * can be validated, so each lookup is made once per class and options.
 */
function cacheRuleLookups(): void {
  const storage = getMetadataStorage();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const rules = new Map<unknown, Map<string, ValidationMetadata[]>>();
  const grouped = new WeakMap<ValidationMetadata[], ReturnType<typeof group>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = JSON.stringify([schema, always, strictGroups, groups]);
    const byOptions = rules.get(target) ?? new Map<string, ValidationMetadata[]>();
    rules.set(target, byOptions);
    const found = byOptions.get(options) ?? lookUp(target, schema, always, strictGroups, groups);
    byOptions.set(options, found);
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    const found = grouped.get(metadata) ?? group(metadata);
    grouped.set(metadata, found);
    return found;
  };
}

cacheRuleLookups();

export const validationPipe = new ApiValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => invalid(flatten(errors)),
});
