import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Controller, Get, Header, NotFoundException, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Public } from '@app/identity';

/** The built web application: <dist>/web beside <dist>/apps/api/src (npm run build:web). */
const webRoot = path.resolve(__dirname, '..', '..', '..', 'web');
const indexFile = path.join(webRoot, 'index.html');

/** Serves the built files (hashed, so cached for good) at their exact paths; they never shadow an API route. */
export async function serveWebAssets(app: NestFastifyApplication): Promise<void> {
  if (!fs.existsSync(indexFile)) return;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    setHeaders: (reply, file) => {
      if (file.startsWith(path.join(webRoot, 'assets')))
        void reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}

/**
 * Client routes of the web application: a GET that no API route matches gets index.html when it is `/` or a
 * browser asks for a page (Accept: text/html); any other unmatched request keeps the API's JSON 404.
 */
@ApiExcludeController()
@Controller()
export class WebAppController {
  private readonly index = fs.existsSync(indexFile) ? fs.readFileSync(indexFile) : undefined;

  @Get('*')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  page(@Req() request: FastifyRequest): Buffer {
    const wantsPage = request.url === '/' || (request.headers.accept ?? '').includes('text/html');
    if (!this.index || !wantsPage) throw new NotFoundException(`Cannot GET ${request.url}`);
    return this.index;
  }
}
