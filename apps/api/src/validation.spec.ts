import { IsIn, IsString, Length, Max } from 'class-validator';
import { validationPipe, withoutNulls } from './validation';

class Sample {
  @IsString() @Length(2, 20) name: string;
  @IsIn(['DAILY', 'MONTHLY']) frequency: string;
  @Max(100) weight: number;
}

describe('the global validation pipe', () => {
  const roundNo = (value: string) =>
    validationPipe.transform(value, { type: 'param', metatype: Number, data: 'roundNo' });

  it('takes numeric path parameters that fit PostgreSQL integer', async () => {
    await expect(roundNo('1')).resolves.toBe(1);
    await expect(roundNo(String(2 ** 31 - 1))).resolves.toBe(2 ** 31 - 1);
  });

  it.each([String(2 ** 31), '9'.repeat(30), '-1', '1.5', '1e3', 'abc', ''])(
    'refuses %p as a path integer',
    async (value) => {
      await expect(roundNo(value)).rejects.toMatchObject({
        code: 'VALIDATION.FAILED',
        kind: 'INVALID',
        details: [{ field: 'roundNo', problems: [expect.stringContaining('2147483647')] }],
      });
    },
  );

  it('reads a null body field as a field not sent, at any depth', () => {
    expect(withoutNulls({ a: null, b: 1, c: { d: null, e: 'x' }, f: [{ g: null }, null] })).toEqual({
      b: 1,
      c: { e: 'x' },
      f: [{}, null],
    });
  });

  it('says each problem in Vietnamese first, with the limit, then in English', async () => {
    const refusal = validationPipe.transform(
      { name: 'x', frequency: 'xx', weight: 101, extra: 1 },
      { type: 'body', metatype: Sample },
    );
    await expect(refusal).rejects.toMatchObject({
      details: expect.arrayContaining([
        { field: 'name', problems: ['Cần ít nhất 2 ký tự / name must be longer than or equal to 2 characters'] },
        {
          field: 'frequency',
          problems: [
            'Phải là một trong các giá trị: DAILY, MONTHLY / frequency must be one of the following values: DAILY, MONTHLY',
          ],
        },
        { field: 'weight', problems: ['Không được lớn hơn 100 / weight must not be greater than 100'] },
        { field: 'extra', problems: ['Trường này không được gửi / property extra should not exist'] },
      ]),
    });
  });

  it('checks a class by its own rules and its ancestors’, however often and in whatever order classes are checked', async () => {
    const fields = (value: object, metatype: new () => object) =>
      validationPipe.transform(value, { type: 'body', metatype }).then(
        () => [],
        (refusal: { details: Array<{ field: string }> }) => refusal.details.map((d) => d.field).sort(),
      );
    expect(await fields({ name: 'x', frequency: 'DAILY', weight: 1 }, Sample)).toEqual(['name']);
    class Weighed extends Sample {
      @Max(5) level: number;
    }
    for (let i = 0; i < 2; i++) {
      expect(await fields({ name: 'x', frequency: 'DAILY', weight: 1, level: 6 }, Weighed)).toEqual(['level', 'name']);
      expect(await fields({ name: 'xx', frequency: 'DAILY', weight: 1, level: 6 }, Sample)).toEqual(['level']);
    }
  });
});
