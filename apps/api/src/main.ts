import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { assertNoEviction, loadConfig, requestIdOf } from '@app/platform';
import { ApiModule } from './api.module';
import { instrument } from './metrics';
import { validationPipe } from './validation';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await assertNoEviction(config.REDIS_URL);
  const adapter = new FastifyAdapter({
    bodyLimit: 10 * 1024 * 1024,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  instrument(app.getHttpAdapter().getInstance());
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', requestIdOf(request.raw));
    });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Chợ chuyển đổi số — API')
      .setDescription(
        'Sàn giao dịch chuyển đổi số của Thành phố, thanh toán theo kết quả. / The city’s digital-transformation marketplace with pay-per-outcome. ' +
          'Every error is `{ statusCode, code, message, details, requestId }`.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });

  await app.listen(config.API_PORT, '0.0.0.0');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
