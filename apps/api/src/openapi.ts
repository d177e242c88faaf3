import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

const errorSchema = {
  type: 'object',
  required: ['statusCode', 'code', 'message', 'details', 'requestId'],
  properties: {
    statusCode: { type: 'integer', example: 409 },
    code: {
      type: 'string',
      example: 'ORDERING.ORDER_NOT_SIGNABLE',
      description: '<MODULE>.<REASON>, stable for clients',
    },
    message: { type: 'string', description: 'Vietnamese first, then English, separated by " / "' },
    details: { nullable: true, description: 'Fields at fault and values, when useful' },
    requestId: { type: 'string', description: 'Also in the x-request-id header and every log line' },
  },
};

/** The OpenAPI document: every operation also declares the one error format for 4XX and 5XX answers. */
export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Chợ chuyển đổi số — API')
      .setDescription(
        'Sàn giao dịch chuyển đổi số của Thành phố, thanh toán theo kết quả. / The city’s digital-transformation marketplace with pay-per-outcome. ' +
          'Amounts are whole đồng written as strings. `x-access` on each operation says who may call it.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
      .build(),
  );
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Error: errorSchema } };
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations as Record<string, { responses?: Record<string, unknown> }>)) {
      operation.responses = {
        ...operation.responses,
        '4XX': error(
          'Refused: validation (400), authentication (401), role or organisation (403), not found (404), state conflict (409), business rule (422), rate limit (429)',
        ),
        '5XX': error('A dependency is unavailable (503, PLATFORM.DEPENDENCY_UNAVAILABLE) or an internal error (500)'),
      };
    }
  }
  return document;
}

/**
 * Gives Fastify the document's component schemas, each under its own name, so that a route's `OkResponse` schema
 * (`{ $ref: 'Name#' }`) is the one the document publishes.
 */
export function shareOpenApiSchemas(fastify: FastifyInstance, document: OpenAPIObject): void {
  const named = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(named);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string' ? `${inner.replace('#/components/schemas/', '')}#` : named(inner),
      ]),
    );
  };
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    fastify.addSchema({ $id: name, ...(named(schema) as object) });
  }
}
