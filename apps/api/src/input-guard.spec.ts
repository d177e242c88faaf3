import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { DomainError } from '@app/kernel';
import { findTextProblems, guardInputText } from './input-guard';

describe('the text rule every route shares', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone high surrogate at the end', 'ab\udbff'],
    ['a lone low surrogate', '\udc00ab'],
    ['a right-to-left override', 'abc\u202Edef'],
    ['a left-to-right embedding', '\u202Aabc'],
    ['a first-strong isolate', 'abc\u2068def\u2069'],
    ['spaces only', ' \t\n '],
    ['zero-width characters only', '\u200b\u200c\u200d\u2060\ufeff'],
  ])('refuses body text with %s', (_, text) => {
    expect(findTextProblems({ body: { name: text } })).toEqual([
      { field: 'body.name', problems: [expect.any(String)] },
    ]);
  });

  it.each([
    ['Vietnamese', 'Sở Thông tin và Truyền thông'],
    ['an astral character (a valid surrogate pair)', 'Hà Nội 🏙️'],
    ['an empty string (its length rule decides)', ''],
    ['a zero-width joiner inside a word', 'क्‍ष'],
    ['an Arabic name (right-to-left script, no control)', 'شركة'],
  ])('accepts %s', (_, text) => {
    expect(findTextProblems({ body: { name: text }, query: { q: text } })).toEqual([]);
  });

  it('walks nested objects, arrays and keys; query text may be blank, headers need only be storable', () => {
    expect(findTextProblems({ body: { kpis: [{ code: 'K1' }, { code: 'x\u0000' }], ['k\ud800']: 1 } })).toEqual([
      { field: 'body.kpis.1.code', problems: [expect.stringContaining('U+0000')] },
      { field: 'body.k\ud800', problems: [expect.stringContaining('surrogate')] },
    ]);
    expect(findTextProblems({ query: { q: '   ' }, headers: { 'x-note': '\u202Ex' } })).toEqual([]);
    expect(findTextProblems({ params: { id: '\u202Ex' } })).toEqual([
      { field: 'params.id', problems: [expect.any(String)] },
    ]);
  });

  it('leaves streams and other non-plain bodies alone', () => {
    const stream = Object.assign(Readable.from([]), { text: '\u0000' });
    expect(findTextProblems({ body: stream })).toEqual([]);
  });

  it('refuses before the handler runs, as a DomainError the error filter maps to 400', async () => {
    const app = Fastify();
    guardInputText(app);
    let handled = 0;
    app.post('/echo', (request, reply) => {
      handled += 1;
      void reply.send(request.body);
    });
    app.setErrorHandler((error, _request, reply) => {
      const domain = error as DomainError;
      void reply.status(400).send({ code: domain.code, kind: domain.kind, details: domain.details });
    });
    const refused = await app.inject({ method: 'POST', url: '/echo?q=%00', payload: { name: 'Hà Nội' } });
    expect(refused.json()).toEqual({
      code: 'VALIDATION.INVALID_TEXT',
      kind: 'INVALID',
      details: [{ field: 'query.q', problems: [expect.any(String)] }],
    });
    const fine = await app.inject({ method: 'POST', url: '/echo?q=ha%20noi', payload: { name: 'Hà Nội 🏙️' } });
    expect(fine.json()).toEqual({ name: 'Hà Nội 🏙️' });
    expect(handled).toBe(1);
    await app.close();
  });
});
