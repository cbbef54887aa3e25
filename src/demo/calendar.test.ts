import { describe, expect, it } from "vitest";
import { Calendar } from "./calendar.js";
import { Random } from "./random.js";

const END = new Date("2026-11-20T09:00:00Z");

describe("the demo calendar", () => {
  const times = [...new Calendar(100_000, END, 25, new Random(1)).times(new Random(2))].map(
    (t) => new Date(t),
  );

  it("gives every article a time, in order, none after the end", () => {
    expect(times).toHaveLength(100_000);
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] as Date))).toBe(true);
    expect((times.at(-1) as Date) <= END).toBe(true);
  });

  it("publishes several articles on a weekday, fewer at weekends, more in recent years", () => {
    const lastYear = times.filter((t) => t.getTime() > END.getTime() - 365 * 86_400_000);
    const perDay = (days: number[]) =>
      lastYear.filter((t) => days.includes(t.getUTCDay())).length / (52 * days.length);
    expect(perDay([1, 2, 3, 4, 5])).toBeGreaterThan(3);
    expect(perDay([0, 6])).toBeLessThan(perDay([1, 2, 3, 4, 5]) / 2);
    const firstYear = times.filter((t) => t.getTime() < (times[0] as Date).getTime() + 365 * 86_400_000);
    expect(lastYear.length).toBeGreaterThan(firstYear.length * 2);
  });

  it("publishes mostly in the daytime", () => {
    const night = times.filter((t) => t.getUTCHours() < 4).length;
    const morning = times.filter((t) => t.getUTCHours() >= 4 && t.getUTCHours() < 10).length;
    expect(night).toBeLessThan(times.length * 0.05);
    expect(morning).toBeGreaterThan(times.length * 0.3);
  });

  it("gives a reserved day an article, keeping the total", () => {
    const calendar = new Calendar(30, END, 6, new Random(3));
    const [position = -1] = calendar.reserve([calendar.days - 10]);
    const all = [...calendar.times(new Random(4))];
    expect(all).toHaveLength(30);
    const nineDaysBefore = new Date(END.getTime() - 9 * 86_400_000).toISOString().slice(0, 10);
    expect(all[position]?.slice(0, 10)).toBe(nineDaysBefore);
  });
});
