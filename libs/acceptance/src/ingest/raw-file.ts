import { createHash, randomUUID, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { AcceptanceErrors } from '../contracts/acceptance';

/**
 * Passes the upload's bytes through while hashing them (SHA-256), counting them against the size limit and writing
 * them to a temporary file; backpressure from the disk slows the upload instead of buffering it.
 *
 * Raw files live on disk (MEASUREMENT_FILES_DIR, a shared volume when several APIs run), named by their SHA-256,
 * rather than as PostgreSQL large objects: the transaction's connection is busy with the COPY for the whole upload,
 * so a large object could only be written afterwards (buffering the file) or on another connection (outside the
 * transaction); on disk the bytes stream once, stay out of the WAL, and their name is their integrity check. The
 * batch row records hash, path, size, uploader and time. A file is moved into place just before commit; should the
 * commit fail, it stays as an unreferenced content-addressed file, never as a batch without its file.
 */
export class RawFileTap extends Transform {
  readonly tempPath: string;
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private readonly file: WriteStream;
  private digest?: string;

  constructor(
    dir: string,
    private readonly maxBytes: number,
  ) {
    super();
    this.tempPath = path.join(dir, 'tmp', `${randomUUID()}.part`);
    this.file = createWriteStream(this.tempPath);
    // A disk error fails the upload; once the upload is abandoned, a write still in flight may fail harmlessly.
    this.file.on('error', (error) => this.destroy(error));
  }

  static async create(dir: string, maxBytes: number): Promise<RawFileTap> {
    await fs.mkdir(path.join(dir, 'tmp'), { recursive: true });
    return new RawFileTap(dir, maxBytes);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(AcceptanceErrors.FILE_TOO_LARGE(undefined, { maxBytes: this.maxBytes }));
      return;
    }
    this.hash.update(chunk);
    this.push(chunk);
    if (this.file.write(chunk)) callback();
    else this.file.once('drain', () => callback());
  }

  override _flush(callback: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    this.file.end(() => callback());
  }

  get sha256(): string {
    if (!this.digest) throw new Error('the upload has not been read to its end');
    return this.digest;
  }

  /** Moves the file to its content address `ab/abcdef…` under `dir`; an identical file already kept is reused. */
  async keep(dir: string): Promise<string> {
    const key = path.join(this.sha256.slice(0, 2), this.sha256);
    await fs.mkdir(path.join(dir, this.sha256.slice(0, 2)), { recursive: true });
    await fs.rename(this.tempPath, path.join(dir, key));
    return key;
  }

  async discard(): Promise<void> {
    this.file.destroy();
    await fs.rm(this.tempPath, { force: true });
  }
}
