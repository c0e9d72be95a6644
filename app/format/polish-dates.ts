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

/**
 * A day typed into a form, as an ISO date ("2021-03-25"), or null when it is not a real day.
 * A browser's date picker sends ISO; where the field is plain text (no picker, or assistive
 * software typing into it) people write it the Polish way: "25.03.2021", "25.3.2021 r.".
 */
export function parseDateInput(text: string): string | null {
  const t = text.replace(/\u00A0/g, " ").trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const polish = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})(?:\s*r\.?)?$/iu.exec(t);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : polish
      ? [polish[3], polish[2], polish[1]]
      : [];
  if (!year || !month || !day) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < 1900 || y > 2200 || !isRealDay(y, m, d)) return null;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}
