// A closing date is a day in the author's time zone; the poll closes when that day ends there.

/** How far `timeZone` is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value ?? 0);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return local - Math.floor(at / 1000) * 1000;
}

/** The instant `day` (YYYY-MM-DD) ends in `timeZone`, or null for a day that does not exist. */
export function endOfDay(day: string, timeZone: string): number | null {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(Date.UTC(year, month - 1, date));
  if (start.getUTCFullYear() !== year || start.getUTCMonth() !== month - 1 || start.getUTCDate() !== date) return null;
  const nextMidnight = Date.UTC(year, month - 1, date + 1);
  // Twice: the offset at the guess may differ from the offset at the answer across a clock change.
  const first = nextMidnight - offsetAt(nextMidnight, timeZone);
  return nextMidnight - offsetAt(first, timeZone);
}
