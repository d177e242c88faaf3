/**
 * Splits `amount` đồng over the contributions that funded it, pro rata and exact to the đồng (PRODUCT.md "Orders and
 * money"): every contributor after the first gets its share rounded down, the first — the city budget — gets what
 * is left, so the parts always sum to `amount` and rounding only ever favours the public budget.
 */
export function splitProRata(amount: bigint, contributions: readonly bigint[]): bigint[] {
  const total = contributions.reduce((sum, c) => sum + c, 0n);
  if (amount < 0n || total <= 0n || contributions.length === 0 || contributions.some((c) => c < 0n)) {
    throw new RangeError(`Cannot split ${amount} over contributions ${contributions.join(', ')}`);
  }
  const rest = contributions.slice(1).map((c) => (amount * c) / total);
  return [amount - rest.reduce((sum, part) => sum + part, 0n), ...rest];
}
