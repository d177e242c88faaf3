import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { STREAMED_JSON_BODY } from '@app/acceptance';
import { DomainError } from '@app/kernel';

/** Deeper than any request document of the API; deeper JSON is refused before anything recurses into it. */
export const MAX_JSON_DEPTH = 16;

const failure = (statusCode: number, code: string, message: string) =>
  Object.assign(new Error(message), { statusCode, code });

/** The whole body within the route's limit, checked as Fastify checks the bodies it buffers itself. */
function readWhole(request: FastifyRequest, payload: IncomingMessage): Promise<Buffer> {
  const limit = request.routeOptions.bodyLimit;
  const declared = Number(request.headers['content-length']);
  const tooLarge = () => failure(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large');
  return new Promise((resolve, reject) => {
    if (declared > limit) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      payload.off('data', onData);
      payload.off('end', onEnd);
      payload.off('error', onEnd);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) chunks.push(chunk);
      else {
        stop();
        reject(tooLarge());
      }
    };
    const onEnd = (error?: Error & { statusCode?: number }) => {
      stop();
      if (error) reject(Object.assign(error, { statusCode: error.statusCode ?? 400 }));
      else if (!Number.isNaN(declared) && received !== declared)
        reject(failure(400, 'FST_ERR_CTP_INVALID_CONTENT_LENGTH', 'Request body size did not match Content-Length'));
      else resolve(Buffer.concat(chunks));
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onEnd);
    payload.resume();
  });
}

/** The nesting depth of a parsed JSON value (a scalar is 0), measured without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function refuseDeepJson(done: (error: Error | null, body?: unknown) => void) {
  return (error: Error | null, body?: unknown) => {
    if (error || jsonDepth(body) <= MAX_JSON_DEPTH) return done(error, body);
    done(
      new DomainError(
        'HTTP.JSON_TOO_DEEP',
        'INVALID',
        `JSON lồng quá sâu (tối đa ${MAX_JSON_DEPTH} cấp). / JSON nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
        { maxDepth: MAX_JSON_DEPTH },
      ),
    );
  };
}

/**
 * application/json bodies are parsed whole by Fastify's own JSON parser within the body limit, except on routes
 * configured with STREAMED_JSON_BODY, which receive the raw stream (any size; they enforce their own limit).
 * Fastify picks a body parser by content type per plugin scope only, and Nest registers every route in the root
 * scope, so the choice is made per request from the matched route's config. Call after Nest's init (which
 * registers its own JSON parser) and before listening. Nesting deeper than MAX_JSON_DEPTH is refused.
 */
export function parseJsonBodies(fastify: FastifyInstance): void {
  const { onProtoPoisoning = 'error', onConstructorPoisoning = 'error' } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser(onProtoPoisoning, onConstructorPoisoning);
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    (request: FastifyRequest, payload: IncomingMessage, done: (error: Error | null, body?: unknown) => void) => {
      const config = request.routeOptions.config as Partial<typeof STREAMED_JSON_BODY> | undefined;
      if (config?.streamedJsonBody === true) return done(null, payload);
      readWhole(request, payload).then((body) => parseJson(request, body.toString('utf8'), refuseDeepJson(done)), done);
    },
  );
}
