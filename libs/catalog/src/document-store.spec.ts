import { sniff } from './document-store';

describe('document type by magic bytes', () => {
  it.each([
    ['%PDF-1.7\n', 'application/pdf'],
    ['\x89PNG\r\n\x1a\n', 'image/png'],
    ['\xff\xd8\xff\xe0', 'image/jpeg'],
  ])('%j is %s', (head, type) => {
    expect(sniff(Buffer.from(head, 'latin1'))).toBe(type);
  });

  it('refuses anything else, whatever the name or content type claims', () => {
    for (const head of ['MZ\x90\x00', 'PK\x03\x04', '<html>', '%PD', ''])
      expect(sniff(Buffer.from(head, 'latin1'))).toBeUndefined();
  });
});
