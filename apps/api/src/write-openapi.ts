import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiModule } from './api.module';
import { buildOpenApi } from './openapi';

/**
 * Writes the OpenAPI document to the file named on the command line, for the web client's types. Preview mode
 * reads the controllers' metadata without creating providers, so no database, Redis or configuration is needed.
 */
async function writeOpenApi(target: string): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  const document = buildOpenApi(app);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: node write-openapi.js <file>\n');
  process.exit(2);
}
writeOpenApi(path.resolve(target)).catch((error: unknown) => {
  process.stderr.write(`OpenAPI document not written: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
