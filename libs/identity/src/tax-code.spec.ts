import { normaliseTaxCode } from './tax-code';

describe('normaliseTaxCode', () => {
  it.each([
    ['0100109106', '0100109106'],
    ['0101248141', '0101248141'],
    ['0300588569', '0300588569'],
    ['0100109106-001', '0100109106-001'],
    ['0100109106001', '0100109106-001'],
    [' 0300588569 ', '0300588569'],
  ])('accepts %p', (input, expected) => expect(normaliseTaxCode(input)).toBe(expected));

  it.each(['0100109107', '010010910', '01001091060', '0100109106-01', 'ABCDEFGHIJ', '', '0100109106 001'])(
    'rejects %p',
    (input) => expect(normaliseTaxCode(input)).toBeNull(),
  );
});
