import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '@app/kernel';

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Unknown fields are refused; every problem names its field. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => {
    const details = flatten(errors);
    const fields = details.map((d) => d.field).join(', ');
    return new DomainError(
      'VALIDATION.FAILED',
      'INVALID',
      `Dữ liệu không hợp lệ: ${fields}. / Invalid input: ${fields}.`,
      details,
    );
  },
});
