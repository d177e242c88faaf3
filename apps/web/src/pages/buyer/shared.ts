import type { components } from '../../api/openapi';

export type Schemas = components['schemas'];

/** A whole-number percentage typed by a person ("40", "12,5") → basis points, or undefined when it is not one. */
export function percentToBp(text: string): number | undefined {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Digits only: "1.500.000.000 đ" typed with separators → "1500000000" (the API refuses anything else itself). */
export const dongDigits = (text: string) => text.replace(/[.\s\u00a0đ]/g, '');
