/** Hà Nội keeps UTC+7 all year, so a deadline date ends at 23:59:59.999 +07:00. */
const END_OF_DAY_HANOI = 'T23:59:59.999+07:00';

/** The instant a problem's deadline (a calendar date in Hà Nội) ends, or null when it has none. */
export function deadlineEnd(deadline: string | null): Date | null {
  return deadline === null ? null : new Date(`${deadline}${END_OF_DAY_HANOI}`);
}
