import { execFile } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

/** Reads the PDF on standard input and prints its text (all pages, in reading order) as JSON. */
const EXTRACT = `
import { extractText } from 'unpdf';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { text } = await extractText(new Uint8Array(Buffer.concat(chunks)), { mergePages: true });
process.stdout.write(JSON.stringify(text));
`;

/**
 * The text of a PDF as a reader's program extracts it (PDF.js, through unpdf). PDF.js ships only as ES modules, which
 * Jest's module sandbox cannot load, so it runs in a plain Node process of its own.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '--eval', EXTRACT],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as string),
    );
    child.stdin?.end(pdf);
  });
}
