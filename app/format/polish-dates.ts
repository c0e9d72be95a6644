// Dates the way Polish documents write them: "31.12.2020 r.", "31.12.2020 r., 14:05".
//
// An instant is shown on the Warsaw calendar and clock whatever time zone the server or the
// browser runs in: a report generated on a UTC server must not date an event 30 December
// when it happened on 31 December at 00:30 in Poland.
// The space before "r." is U+00A0 so the abbreviation never wraps away from the year.

const NBSP = "\u00A0";
const TIME_ZONE = "Europe/Warsaw";
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const warsawParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

type CalendarParts = { year: string; month: string; day: string; hour: string; minute: string };
const WANTED_PARTS: ReadonlySet<string> = new Set(["year", "month", "day", "hour", "minute"]);

/** Accepts a Date, an ISO date ("2020-12-31", a calendar day, no time-zone shift) or an ISO instant. */
export function formatDate(d: Date | string): string {
  const p = toParts(d);
  return `${p.day}.${p.month}.${p.year}${NBSP}r.`;
}

export function formatDateTime(d: Date | string): string {
  const p = toParts(d);
  return `${p.day}.${p.month}.${p.year}${NBSP}r., ${p.hour}:${p.minute}`;
}

function toParts(d: Date | string): CalendarParts {
  if (typeof d === "string") {
    const dateOnly = DATE_ONLY.exec(d.trim());
    if (dateOnly) {
      const [, year = "", month = "", day = ""] = dateOnly;
      if (!isRealDay(Number(year), Number(month), Number(day))) throw invalid(d);
      return { year, month, day, hour: "00", minute: "00" };
    }
  }
  const date = typeof d === "string" ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) throw invalid(d);
  const parts: Partial<CalendarParts> = {};
  for (const part of warsawParts.formatToParts(date)) {
    if (WANTED_PARTS.has(part.type)) parts[part.type as keyof CalendarParts] = part.value;
  }
  const { year, month, day, hour, minute } = parts;
  if (!year || !month || !day || !hour || !minute) throw invalid(d);
  return { year, month, day, hour, minute };
}

function isRealDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function invalid(d: Date | string): RangeError {
  // An unreadable date in a published report is a bug upstream; never print "Invalid Date".
  return new RangeError(`Cannot format an invalid date: ${String(d)}`);
}
