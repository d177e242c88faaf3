/** en-GB writes day/month/year with a 24-hour clock: "31/12/2026, 14:05". Built once: a formatter is costly to make. */
const HANOI = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  dateStyle: 'short',
  timeStyle: 'short',
  hourCycle: 'h23',
});

/** An instant as people in Hà Nội read it: "31/12/2026 14:05". */
export const hanoiDateTime = (value: Date | string) => HANOI.format(new Date(value)).replace(',', '');
