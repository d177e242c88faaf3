import { decodeIntegerIdCursor, decodeTimeIdCursor, encodeCursor, pageOf } from './pagination';

const ID = '0b6f1c2e-4d5a-4b7c-8e9f-0a1b2c3d4e5f';

describe('keyset pagination', () => {
  it('decodes the (timestamp, id) cursors it wrote and nothing else', () => {
    const at = '2026-12-04T10:11:12.345Z';
    expect(decodeTimeIdCursor(encodeCursor([at, ID]))).toEqual({ at, id: ID });
    const refused: unknown[][] = [
      [at],
      [at, ID, 'extra'],
      [at, 'not-a-uuid'],
      [at, `${ID}x`],
      ['2026-13-45T99:99:99Z', ID],
      ['yesterday', ID],
      [1733300000000, ID],
      [at, 42],
    ];
    for (const key of refused)
      expect({ key, decoded: decodeTimeIdCursor(encodeCursor(key)) }).toEqual({ key, decoded: undefined });
    expect(decodeTimeIdCursor('%%%not-base64%%%')).toBeUndefined();
    expect(decodeTimeIdCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeUndefined();
  });

  it('decodes the (score, id) cursors it wrote and nothing else', () => {
    expect(decodeIntegerIdCursor(encodeCursor([87, ID]))).toEqual({ at: 87, id: ID });
    const refused: unknown[][] = [[87], [87, ID, 'extra'], [87.5, ID], ['87', ID], [87, 'not-a-uuid'], [null, ID]];
    for (const key of refused)
      expect({ key, decoded: decodeIntegerIdCursor(encodeCursor(key)) }).toEqual({ key, decoded: undefined });
  });

  it('returns at most limit rows and a cursor only when another page exists', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    expect(pageOf(rows, 3, (r) => [r.n])).toEqual({ items: rows, nextCursor: null });
    const page = pageOf(rows, 2, (r) => [r.n]);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(page.nextCursor).toBe(encodeCursor([2]));
    expect(pageOf([], 2, () => [])).toEqual({ items: [], nextCursor: null });
  });
});
