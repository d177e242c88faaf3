import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, textProblems, type TextRule } from '@app/kernel';

/** Body text must be visible (names, references); query and path text readable; headers storable. */
const RULES = { body: 'visible', query: 'readable', params: 'readable', headers: 'storable' } as const;
type Location = keyof typeof RULES;

interface TextProblem {
  field: string;
  problems: string[];
}

/** Parsed JSON, query and params objects (the query parser's have no Object prototype); never a stream or buffer. */
function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const { constructor } = value as { constructor?: unknown };
  return constructor === undefined || constructor === Object;
}

/**
 * Every string of a parsed input with its path and rule; object keys need only be storable (a stray key is the
 * validation's business). Streams and other non-plain objects (a streamed upload's body) are not walked. JSON
 * bodies arrive depth-checked (json-body.ts), so the recursion is bounded.
 */
function* strings(value: unknown, path: string, rule: TextRule): Generator<[string, string, TextRule]> {
  if (typeof value === 'string') yield [path, value, rule];
  else if (isPlainContainer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = `${path}.${key}`;
      yield [itemPath, key, 'storable'];
      yield* strings(item, itemPath, rule);
    }
  }
}

export function findTextProblems(inputs: Partial<Record<Location, unknown>>): TextProblem[] {
  const found: TextProblem[] = [];
  for (const [location, value] of Object.entries(inputs) as Array<[Location, unknown]>) {
    for (const [field, text, rule] of strings(value, location, RULES[location])) {
      const problems = textProblems(text, rule);
      if (problems.length > 0) found.push({ field, problems });
    }
  }
  return found;
}

export function assertReadableText(request: Pick<FastifyRequest, Location>): void {
  const found = findTextProblems({
    body: request.body,
    query: request.query,
    params: request.params,
    headers: request.headers,
  });
  if (found.length === 0) return;
  const fields = found.map((f) => f.field).join(', ');
  throw new DomainError(
    'VALIDATION.INVALID_TEXT',
    'INVALID',
    `Văn bản không hợp lệ (ký tự không lưu được, ký tự điều khiển hướng chữ hoặc chỉ có khoảng trắng): ${fields}. / ` +
      `Invalid text (unstorable characters, bidirectional controls or blank): ${fields}.`,
    found,
  );
}

/** One rule for every route, before any validation or handler: text that cannot be stored or read as sent is refused. */
export function guardInputText(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    try {
      assertReadableText(request);
      done();
    } catch (error) {
      done(error as DomainError);
    }
  });
}
