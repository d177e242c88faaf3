import { MAX_REPORTED_PROBLEMS, type RawRow, type RowProblem, type RowValidator, type ValidRow } from './rows';

/** Valid and refused rows of a file as it is read, with the first problems. */
export class RowTally {
  valid = 0;
  rejected = 0;
  readonly problems: RowProblem[] = [];

  constructor(private readonly validator: RowValidator) {}

  /** The row, validated; undefined (and counted as refused) when it is not valid. */
  check(raw: RawRow): ValidRow | undefined {
    const checked = this.validator.check(raw);
    if (!Array.isArray(checked)) {
      this.valid++;
      return checked;
    }
    this.rejected++;
    this.problems.push(...checked.slice(0, MAX_REPORTED_PROBLEMS - this.problems.length));
    return undefined;
  }

  get total(): number {
    return this.valid + this.rejected;
  }

  /** The upload stores the valid rows only when none is refused, or keepValid and some are valid. */
  storable(keepValid: boolean): boolean {
    return this.rejected === 0 || (keepValid && this.rejected < this.total);
  }
}
