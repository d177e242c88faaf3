/** Measurement files for the benchmarks that upload data: written to disk, streamed to the API. */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import { once } from 'node:events';

/** One reading per microsecond from `startMs`: all distinct, all inside the round window, none in the future. */
export async function writeCsv(file: string, startMs: number, rows: number): Promise<number> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('kpi,observedAt,value\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const us = startMs * 1000 + i;
    const ms = Math.floor(us / 1000);
    const stamp = `${new Date(ms).toISOString().slice(0, 23)}${String(us - ms * 1000).padStart(3, '0')}Z`;
    chunk += `K1,${stamp},${30 + (i % 200) / 10}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return (await fs.stat(file)).size;
}

export function postFile(url: string, token: string, file: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}
