const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * Vietnamese enterprise tax code (mã số thuế): 10 digits whose last is a check digit, optionally followed by
 * a 3-digit branch suffix (13 digits, written with or without "-"). Returns the canonical form or null.
 */
export function normaliseTaxCode(input: string): string | null {
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(input.trim());
  if (!match) return null;
  const digits = [...match[1]].map(Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * digits[i], 0);
  if (10 - (sum % 11) !== digits[9]) return null;
  return match[2] ? `${match[1]}-${match[2]}` : match[1];
}
