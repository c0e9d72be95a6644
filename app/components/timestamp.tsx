import { formatDate, formatDateTime as formatPolishDateTime } from "../format/polish-dates.ts";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats an ISO date or timestamp as Polish documents write it ("12.03.2025 r., 14:05",
 * Warsaw time) with the one formatter of app/format, so pages, mails and reports agree to the
 * character (the no-break space before "r." included). A calendar day shows no time.
 * Unparseable input is returned as is: a page shows what it got rather than failing.
 */
export function formatDateTime(value: string): string {
  try {
    return DATE_ONLY.test(value) ? formatDate(value) : formatPolishDateTime(value);
  } catch {
    return value;
  }
}

export function Timestamp({ value }: { value: string }) {
  const formatted = formatDateTime(value);
  // Only machine-readable values belong in dateTime.
  return formatted === value ? <>{value}</> : <time dateTime={value}>{formatted}</time>;
}
