import { ValidateBy } from 'class-validator';
import { loadInputLimits } from '../config/app-config';

/** A decimal as the API carries measurements, targets and baselines: up to 15 integer and 6 fraction digits. */
export const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;
const DONG = /^\d{1,18}$/;

/**
 * A whole number of đồng written as a string, at most the configured MAX_AMOUNT_DONG; `positive` refuses 0 where
 * nothing can be worth zero (a budget, a deposit).
 */
export function IsDongAmount(options: { positive?: boolean } = {}): PropertyDecorator {
  return ValidateBy({
    name: 'isDongAmount',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        DONG.test(value) &&
        BigInt(value) <= BigInt(loadInputLimits().MAX_AMOUNT_DONG) &&
        (!options.positive || BigInt(value) > 0n),
      defaultMessage: (args) =>
        `${args?.property ?? 'amount'} must be a whole number of đồng written as a string, ` +
        `from ${options.positive ? 1 : 0} to ${loadInputLimits().MAX_AMOUNT_DONG}`,
    },
  });
}
