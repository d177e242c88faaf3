/** PostgreSQL cannot store U+0000, and a UTF-16 surrogate without its pair is not text (it would be stored as U+FFFD). */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Bidirectional embeddings, overrides and isolates: they make a name read differently from what it is. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Nothing but whitespace and invisible characters (zero-width spaces and joiners, word joiner, BOM). */
const BLANK = /^[\s\u180E\u200B-\u200D\u2060\uFEFF]+$/;

export const TEXT_PROBLEMS = {
  unstorable: 'Có ký tự không lưu được (U+0000 hoặc nửa cặp UTF-16) / contains U+0000 or an unpaired UTF-16 surrogate',
  bidi: 'Có ký tự điều khiển hướng chữ / contains a bidirectional control character (U+202A–U+202E, U+2066–U+2069)',
  blank: 'Chỉ có khoảng trắng hoặc ký tự vô hình / is blank: only whitespace or invisible characters',
} as const;

/** How strictly a string is read: `storable` for headers and keys, `readable` adds bidi controls, `visible` blank text. */
export type TextRule = 'storable' | 'readable' | 'visible';

/** What is wrong with one string under a rule; empty when nothing is. */
export function textProblems(text: string, rule: TextRule): string[] {
  const problems: string[] = [];
  if (UNSTORABLE.test(text)) problems.push(TEXT_PROBLEMS.unstorable);
  if (rule !== 'storable' && BIDI_CONTROL.test(text)) problems.push(TEXT_PROBLEMS.bidi);
  if (rule === 'visible' && BLANK.test(text)) problems.push(TEXT_PROBLEMS.blank);
  return problems;
}
