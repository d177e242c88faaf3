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

/** Adds what is wrong with one string, if anything, under the name `field()` gives it. */
function check(found: TextProblem[], text: string, rule: TextRule, field: () => string): void {
  const problems = textProblems(text, rule);
  if (problems.length > 0) found.push({ field: field(), problems });
}

/**
 * Checks every string and key of a parsed container; keys need only be storable (a stray key is the validation's
 * business). A field's path is spelt out only for a problem or a nested container: most requests have neither.
 * Streams and other non-plain objects (a streamed upload's body) are not walked. JSON bodies arrive depth-checked
 * (json-body.ts), so the recursion is bounded.
 */
function walk(found: TextProblem[], container: Record<string, unknown>, path: string, rule: TextRule): void {
  for (const key of Object.keys(container)) {
    const item = container[key];
    const field = () => `${path}.${key}`;
    check(found, key, 'storable', field);
    if (typeof item === 'string') check(found, item, rule, field);
    else if (isPlainContainer(item)) walk(found, item as Record<string, unknown>, field(), rule);
  }
}

export function findTextProblems(inputs: Partial<Record<Location, unknown>>): TextProblem[] {
  const found: TextProblem[] = [];
  for (const location of Object.keys(inputs) as Location[]) {
    const value = inputs[location];
    if (typeof value === 'string') check(found, value, RULES[location], () => location);
    else if (isPlainContainer(value)) walk(found, value as Record<string, unknown>, location, RULES[location]);
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
