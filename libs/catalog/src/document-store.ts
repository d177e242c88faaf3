import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '@app/kernel';
import { AppConfig } from '@app/platform';
import { CatalogErrors } from './contracts/catalog';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** File signatures the catalogue accepts; the client's content type is never trusted. */
const SIGNATURES: Array<{ mediaType: string; magic: number[] }> = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];
export const DOCUMENT_TYPES = SIGNATURES.map((s) => s.mediaType);
const SNIFF_BYTES = 8;

export function sniff(head: Buffer): string | undefined {
  return SIGNATURES.find((s) => s.magic.every((byte, i) => head[i] === byte))?.mediaType;
}

export interface StoredFile {
  sha256: string;
  bytes: number;
  mediaType: string;
  /** True when this upload created the stored file (so a failed transaction may remove it). */
  created: boolean;
}

/**
 * Content-addressed files on disk under DOCUMENTS_DIR: streamed to a temporary file while hashed and counted,
 * then renamed to their SHA-256 only once complete and of an accepted type; nothing partial is ever visible.
 */
@Injectable()
export class DocumentStore {
  constructor(private readonly config: AppConfig) {}

  async put(source: Readable, limit = MAX_DOCUMENT_BYTES): Promise<StoredFile> {
    const dir = this.config.DOCUMENTS_DIR;
    await mkdir(join(dir, 'tmp'), { recursive: true });
    const temp = join(dir, 'tmp', newId());
    const hash = createHash('sha256');
    let bytes = 0;
    let head = Buffer.alloc(0);
    let mediaType: string | undefined;
    const inspect = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > limit) return done(CatalogErrors.DOCUMENT_TOO_LARGE(undefined, { limitBytes: limit }));
        if (head.length < SNIFF_BYTES) {
          head = Buffer.concat([head, chunk]).subarray(0, SNIFF_BYTES);
          if (head.length >= SNIFF_BYTES || bytes >= SNIFF_BYTES) {
            mediaType = sniff(head);
            if (!mediaType) return done(CatalogErrors.DOCUMENT_TYPE_REFUSED(undefined, { accepted: DOCUMENT_TYPES }));
          }
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, inspect, createWriteStream(temp, { flags: 'wx' }));
      if ((source as Readable & { truncated?: boolean }).truncated)
        throw CatalogErrors.DOCUMENT_TOO_LARGE(undefined, { limitBytes: limit });
      mediaType ??= sniff(head);
      if (!mediaType) throw CatalogErrors.DOCUMENT_TYPE_REFUSED(undefined, { accepted: DOCUMENT_TYPES });
      const sha256 = hash.digest('hex');
      const path = this.pathOf(sha256);
      const created = !(await exists(path));
      await rename(temp, path);
      return { sha256, bytes, mediaType, created };
    } catch (error) {
      await rm(temp, { force: true });
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
        throw CatalogErrors.DOCUMENT_TOO_LARGE(undefined, { limitBytes: limit });
      throw error;
    }
  }

  read(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  private pathOf(sha256: string): string {
    return join(this.config.DOCUMENTS_DIR, sha256);
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
