const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Built once: constructing Intl formatters is comparatively expensive.
const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Warsaw",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * Formats an ISO date or timestamp as Polish documents write it ("12.03.2025 r., 14:05",
 * Warsaw time). The string is assembled from numeric parts instead of using a
 * locale pattern because ICU versions differ between Node and browsers, and any
 * difference would cause a hydration mismatch. Unparseable input is returned as is.
 */
export function formatDateTime(value: string): string {
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) return `${dateOnly[3]}.${dateOnly[2]}.${dateOnly[1]} r.`;

  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;

  const parts: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(date)) parts[part.type] = part.value;
  return `${parts.day}.${parts.month}.${parts.year} r., ${parts.hour}:${parts.minute}`;
}

export function Timestamp({ value }: { value: string }) {
  const formatted = formatDateTime(value);
  // Only machine-readable values belong in dateTime.
  return formatted === value ? <>{value}</> : <time dateTime={value}>{formatted}</time>;
}
