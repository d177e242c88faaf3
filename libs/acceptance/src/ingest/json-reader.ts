import { Readable } from 'node:stream';
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import { DomainError } from '@app/kernel';
import { AcceptanceErrors } from '../contracts/acceptance';
import { MAX_RECORD_CHARS, Utf8Check, type RowSink } from './readers';
import { type RawRow } from './rows';

/** The envelope of a JSON upload, token by token: `{ "measurements": [ … ] }` and nothing else. */
const ENVELOPE = [
  TokenType.LEFT_BRACE,
  TokenType.STRING,
  TokenType.COLON,
  TokenType.LEFT_BRACKET,
  TokenType.RIGHT_BRACKET,
  TokenType.RIGHT_BRACE,
];

function envelopeProblem(at: number, token: TokenType, value: unknown): string {
  if (at === 0) return 'the body must be a JSON object { "measurements": [ … ] }';
  if (at === 1 && token === TokenType.STRING)
    return `unknown field "${String(value)}"; the only field is "measurements"`;
  if (at === 1 && token === TokenType.RIGHT_BRACE) return 'the object has no "measurements" field';
  if (at === 3) return '"measurements" must be an array';
  if (at === 5 && token === TokenType.COMMA) return 'the only field is "measurements"';
  return `unexpected ${TokenType[token]}`;
}

/** A JSON number as written in the body: kept as text, so "123456789012345.123456" never passes through a double. */
class JsonNumber {
  constructor(readonly text: string) {}
}

/** The tokenizer with numbers left as their text (the library's documented override). */
class NumberTextTokenizer extends Tokenizer {
  protected override parseNumber(numberStr: string): number {
    return new JsonNumber(numberStr) as unknown as number;
  }
}

const text = (v: unknown) =>
  typeof v === 'string'
    ? v
    : v instanceof JsonNumber
      ? v.text
      : typeof v === 'boolean'
        ? String(v)
        : v === undefined || v === null
          ? undefined
          : JSON.stringify(v, (_, inner: unknown) => (inner instanceof JsonNumber ? Number(inner.text) : inner));

function pointRow(line: number, point: unknown): RawRow {
  const p = (typeof point === 'object' && point !== null ? point : {}) as Record<string, unknown>;
  return {
    line,
    kpi: text(p.kpi),
    observedAt: text(p.observedAt),
    value: text(p.value),
    ...(p.value instanceof JsonNumber ? { pointDecimal: true } : {}),
    unit: text(p.unit),
    ref: text(p.ref),
  };
}

/**
 * Points of a JSON body `{ "measurements": [{ kpi, observedAt, value, unit? }, …] }`, streamed: a point is handed on
 * once complete (line = its position, from 1), so memory holds the points of one chunk, never the array. A point
 * is bounded like a CSV record, since the parser must hold an unfinished string or number whole.
 */
export async function jsonRows(bytes: Readable, sink: RowSink): Promise<void> {
  const checked = bytes.pipe(new Utf8Check());
  bytes.on('error', (error) => checked.destroy(error));
  const tokenizer = new NumberTextTokenizer();
  const tokens = new TokenParser({ paths: ['$.measurements.*'], keepStack: false });
  tokens.onError = tokenizer.error.bind(tokenizer);
  tokenizer.onEnd = () => {
    if (!tokens.isEnded) tokens.end();
  };
  tokens.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };
  const malformed = (detail: string) => AcceptanceErrors.MALFORMED_FILE(undefined, { reason: 'JSON', detail });
  const completed: RawRow[] = [];
  const tooLong = () => AcceptanceErrors.LINE_TOO_LONG(undefined, { line: points + 1 });
  // `start`: where the point being read began, or else the last token; `written`: bytes given to the parser.
  let [points, depth, envelope, start, written] = [0, 0, 0, 0, 0];
  tokenizer.onToken = (info) => {
    const { token, value, offset } = info;
    const before = depth;
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) depth++;
    else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth--;
    if (before <= 1 || (before === 2 && token === TokenType.RIGHT_BRACKET)) {
      const unknownField = envelope === 1 && value !== 'measurements';
      if (token !== ENVELOPE[envelope] || unknownField) throw malformed(envelopeProblem(envelope, token, value));
      envelope++;
    }
    if (depth <= 2 || before === 2) {
      if (offset - start > MAX_RECORD_CHARS * 4) throw tooLong();
      start = offset;
    }
    tokens.write(info);
  };
  tokens.onValue = ({ value }) => completed.push(pointRow(++points, value));
  const parse = (step: () => void) => {
    try {
      step();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw malformed(error instanceof Error ? error.message : String(error));
    }
  };

  for await (const chunk of checked as AsyncIterable<Buffer>) {
    written += chunk.length;
    parse(() => tokenizer.write(chunk));
    if (written - start > MAX_RECORD_CHARS * 4) throw tooLong();
    for (const row of completed) sink.row(row);
    completed.length = 0;
    await sink.ready();
  }
  if (envelope === 0) throw AcceptanceErrors.FILE_EMPTY();
  if (!tokenizer.isEnded || !tokens.isEnded) parse(() => tokenizer.end());
  if (points === 0) throw AcceptanceErrors.FILE_EMPTY();
}
