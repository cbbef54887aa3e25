// ISO 8601 dates as writers put them in front matter: a day, or a day and a time. The pattern alone
// would let 2026-02-30 through, so the calendar is checked too.

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Why `value` is not a usable date, or undefined when it is one. */
export function checkDate(value: string): string | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return `"${value}" must be written YYYY-MM-DD, or as an ISO 8601 date and time`;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return `"${value}" is not a real date`;
  }
  if (hour > 23 || minute > 59 || second > 59) return `"${value}" is not a real time of day`;
  const zone = /^[+-](\d{2}):?(\d{2})$/.exec(match[7] ?? "");
  if (zone && (Number(zone[1]) > 14 || Number(zone[2]) > 59)) {
    return `"${value}" has an impossible time zone offset`;
  }
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
