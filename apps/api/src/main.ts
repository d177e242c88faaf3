import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { MEASUREMENT_FILE_TYPES } from '@app/acceptance';
import { assertNoEviction, closeOnSignals, loadConfig, logRequests, requestIdOf } from '@app/platform';
import { ApiModule } from './api.module';
import { parseJsonBodies } from './json-body';
import { instrument } from './metrics';
import { frameworkRefusals } from './framework-refusals';
import { guardInputText } from './input-guard';
import { buildOpenApi, shareOpenApiSchemas } from './openapi';
import { mountQueueBoard } from './queue-board';
import { validationPipe } from './validation';
import { serveWebAssets } from './web-app';
import { shedExcessLoad } from './load-shedding';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await assertNoEviction(config.REDIS_URL);
  const adapter = new FastifyAdapter({
    bodyLimit: 10 * 1024 * 1024,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    trustProxy: config.TRUST_PROXY ? config.TRUST_PROXY.split(',').map((proxy) => proxy.trim()) : false,
    ...frameworkRefusals,
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  await shedExcessLoad(fastify, app.get(DataSource), config);
  // Before the plugins' scopes: a Fastify hook reaches only the scopes registered after it.
  logRequests(fastify, (await app.resolve(PinoLogger)).logger);
  // Solution documents arrive as multipart streams; each upload sets its own size limit.
  await app.register(multipart, { limits: { files: 1, fields: 5 } });
  await mountQueueBoard(app);
  await serveWebAssets(app);
  app.useGlobalPipes(validationPipe);
  guardInputText(fastify);
  instrument(fastify);
  // Measurement files reach their handler as the raw stream: read once, never buffered whole (limit in the upload).
  fastify.addContentTypeParser(MEASUREMENT_FILE_TYPES, (_request, payload, done) => done(null, payload));
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', requestIdOf(request.raw));
    done(null, payload);
  });
  // Before the routes are registered (init): their answers' serializers are compiled against these schemas.
  const document = buildOpenApi(app);
  shareOpenApiSchemas(fastify, document);
  // JSON measurement uploads stream like files; every other JSON body is parsed whole (see json-body.ts).
  await app.init();
  parseJsonBodies(fastify);

  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });

  await app.listen(config.API_PORT, '0.0.0.0');
  closeOnSignals(app, app.get(Logger));
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
