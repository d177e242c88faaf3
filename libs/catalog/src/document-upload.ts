import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { PassThrough, type Readable } from 'node:stream';
import { textProblems } from '@app/kernel';
import { CatalogErrors } from './contracts/catalog';
import { MAX_DOCUMENT_BYTES } from './document-store';

/** What the database keeps of a file name; a longer one is refused, never cut. */
export const MAX_FILE_NAME_LENGTH = 255;

export interface DocumentUpload {
  fileName: string;
  /** The file's bytes; the stream fails when the form carries another file after it. */
  content: Readable;
  /** The text fields sent before the file. */
  field(name: string): string | undefined;
}

function assertText(field: string, value: string, maxLength: number): void {
  const problems = textProblems(value, 'visible');
  if (value.length === 0 || value.length > maxLength) problems.push(`must have 1 to ${maxLength} characters`);
  if (problems.length > 0) throw CatalogErrors.DOCUMENT_FIELD_INVALID(undefined, [{ field, problems }]);
}

/** Reads the rest of the form; the multipart limit of one file fails it when a second file arrives. */
async function assertNoOtherFile(parts: AsyncIterator<Multipart>): Promise<void> {
  try {
    for (let next = await parts.next(); !next.done; next = await parts.next())
      if (next.value.type === 'file') throw CatalogErrors.DOCUMENT_MISSING();
  } catch (error) {
    throw (error as { code?: string }).code === 'FST_FILES_LIMIT' ? CatalogErrors.DOCUMENT_MISSING() : error;
  }
}

/**
 * The one file of a multipart form (field "file"), streamed. Anything after it is still read: a second file makes
 * the content stream fail, so the upload is refused whole instead of the second file being dropped silently.
 */
export async function soleDocument(request: FastifyRequest): Promise<DocumentUpload> {
  if (!request.isMultipart()) throw CatalogErrors.DOCUMENT_MISSING();
  const parts = request.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } })[Symbol.asyncIterator]();
  let part: Multipart | undefined;
  while (part?.type !== 'file') {
    const next = await parts.next();
    if (next.done) throw CatalogErrors.DOCUMENT_MISSING();
    part = next.value;
  }
  if (part.fieldname !== 'file') throw CatalogErrors.DOCUMENT_MISSING();
  const { file, fields } = part;
  assertText('file (name)', part.filename, MAX_FILE_NAME_LENGTH);
  const field = (name: string) => {
    const value = fields[name];
    if (!value || Array.isArray(value) || value.type !== 'field') return undefined;
    const text = String(value.value);
    assertText(name, text, 1000);
    return text;
  };
  const content = new PassThrough();
  // The refusal may come before the consumer starts reading (it awaits the database first); the stream keeps it as
  // its error, which the consumer's pipeline then rejects with, instead of an unheard 'error' event.
  content.on('error', () => undefined);
  Object.defineProperty(content, 'truncated', { get: () => file.truncated });
  file.on('error', (error) => content.destroy(error));
  file.on('end', () => {
    assertNoOtherFile(parts).then(
      () => content.end(),
      (error: Error) => content.destroy(error),
    );
  });
  file.pipe(content, { end: false });
  return { fileName: part.filename, content, field };
}
