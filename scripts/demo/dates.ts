/**
 * Every date of the demo is derived from the clock, so the loader works on any day: the seed's problem deadlines
 * are kept only while they still leave room for an open call, and an open call always ends before its problem.
 */
import { deadlineEnd } from '@app/problems';

export const DAY_MS = 86_400_000;
/** How long the demo's open calls take offers. */
export const OPEN_CALL_DAYS = 30;
/** A seed deadline is kept when the problem stays open this long; a call then fits before it with room to spare. */
export const PROBLEM_LEAD_DAYS = OPEN_CALL_DAYS + 30;
/** A deadline that no longer leaves that lead moves this far from today. */
export const MOVED_DEADLINE_DAYS = 180;
/** A call shorter than this is not worth opening: the problem is about to close. */
const SHORTEST_CALL_MS = DAY_MS;

/** The calendar date in Hà Nội (UTC+7 all year) of an instant, as `yyyy-mm-dd`. */
function hanoiDate(instant: number): string {
  return new Date(instant + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The deadline a demo problem is published with: the seed's while it leaves PROBLEM_LEAD_DAYS, else a moved one. */
export function problemDeadline(seedDeadline: string, now: number): { deadline: string; moved: boolean } {
  const end = deadlineEnd(seedDeadline);
  if (end && end.getTime() >= now + PROBLEM_LEAD_DAYS * DAY_MS) return { deadline: seedDeadline, moved: false };
  return { deadline: hanoiDate(now + MOVED_DEADLINE_DAYS * DAY_MS), moved: true };
}

/**
 * When the demo's open call on a problem ends: OPEN_CALL_DAYS from now, but a day before the problem's own
 * deadline when that comes first (a problem published by an earlier run keeps its deadline); undefined when the
 * problem closes too soon for any call.
 */
export function openCallDeadline(problemDeadlineDate: string | null, now: number): Date | undefined {
  const wanted = now + OPEN_CALL_DAYS * DAY_MS;
  const problemEnd = deadlineEnd(problemDeadlineDate);
  const latest = problemEnd ? Math.min(wanted, problemEnd.getTime() - DAY_MS) : wanted;
  return latest - now >= SHORTEST_CALL_MS ? new Date(latest) : undefined;
}

/** A short call that closes at once (the demo awards it right away); undefined when even that would end too late. */
export function quickCallDeadline(problemDeadlineDate: string | null, now: number, windowMs: number): Date | undefined {
  const deadline = now + windowMs;
  const problemEnd = deadlineEnd(problemDeadlineDate);
  return problemEnd && deadline > problemEnd.getTime() ? undefined : new Date(deadline);
}
