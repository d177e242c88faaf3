import { validationPipe, withoutNulls } from './validation';

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
});
