import { deterministicId, isUuid, newId } from './ids';

describe('ids', () => {
  it('names a fact with the same UUIDv5 as ever: stored transfer and settlement ids must keep matching', () => {
    expect(deterministicId('settle', '0193a1b2-0000-7000-8000-000000000001', 2)).toBe(
      'a55de832-6ebe-57b9-bbbe-4f9413c75edc',
    );
    expect(deterministicId('notice', 'kỳ 1')).toBe('00987bb4-abf5-506e-b17d-270e152508ab');
  });

  it('gives new rows distinct canonical UUIDs', () => {
    const [a, b] = [newId(), newId()];
    expect(isUuid(a) && isUuid(b) && a !== b).toBe(true);
  });
});
