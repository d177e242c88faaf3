/** The first value that occurs a second time, or undefined when all are distinct. */
export function firstRepeated<T>(values: readonly T[]): T | undefined {
  const seen = new Set<T>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return undefined;
}
