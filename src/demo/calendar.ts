// When the demo articles appear: more on weekdays than at weekends, more in recent years than in the first,
// at the hours an editorial office publishes. The number of articles on each day is settled up front (a few
// thousand small numbers), so that a series can be given the days it needs and the stream stays lazy.
import type { Random } from "./random.js";

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Sunday to Saturday, as Date#getUTCDay counts. */
const WEEKDAY_WEIGHTS = [0.3, 1, 1, 1, 1, 0.95, 0.45];
/** Publication by hour of the day, UTC: the morning edition, the afternoon, a few late pieces. */
const HOUR_WEIGHTS = [
  0.2, 0.1, 0.1, 0.3, 1.2, 2.4, 2.8, 2.2, 1.6, 1.2, 1, 1, 1.1, 1.3, 1.4, 1.2, 1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4,
  0.3,
];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((sum, w) => sum + w, 0);

export class Calendar {
  readonly days: number;
  private readonly firstDay: number;
  private readonly end: number;
  private readonly counts: Uint32Array;

  constructor(articles: number, end: Date, years: number, random: Random) {
    this.end = end.getTime();
    this.firstDay = Math.floor((this.end - years * 365.25 * DAY) / DAY) * DAY;
    this.days = Math.floor((this.end - this.firstDay) / DAY) + 1;
    const weights = new Float64Array(this.days);
    let total = 0;
    for (let d = 0; d < this.days; d++) {
      const weekday = new Date(this.firstDay + d * DAY).getUTCDay();
      const growth = 0.5 + d / this.days;
      total += weights[d] = (WEEKDAY_WEIGHTS[weekday] as number) * growth * (0.6 + 0.8 * random.next());
    }
    this.counts = new Uint32Array(this.days);
    let sum = 0;
    let given = 0;
    for (let d = 0; d < this.days; d++) {
      sum += weights[d] as number;
      const due = Math.round((articles * sum) / total);
      this.counts[d] = due - given;
      given = due;
    }
  }

  /**
   * Makes sure each of the days has an article, taking one from the nearest day that has one to spare, and
   * returns the position in the stream of the first article of each day.
   */
  reserve(days: number[]): number[] {
    const reserved = new Set(days);
    for (const day of days) {
      if ((this.counts[day] as number) > 0) continue;
      for (let distance = 1; distance < this.days; distance++) {
        const donor = [day - distance, day + distance].find(
          (d) => d >= 0 && d < this.days && !reserved.has(d) && (this.counts[d] as number) > 0,
        );
        if (donor === undefined) continue;
        this.counts[donor] = (this.counts[donor] as number) - 1;
        this.counts[day] = 1;
        break;
      }
    }
    const positions = new Map<number, number>();
    let position = 0;
    for (let d = 0; d < this.days; d++) {
      if (reserved.has(d)) positions.set(d, position);
      position += this.counts[d] as number;
    }
    return days.map((day) => positions.get(day) ?? -1);
  }

  /** Publication times in ascending order, as ISO strings; draws only from the random generator given. */
  *times(random: Random): Generator<string> {
    const today: number[] = [];
    for (let d = 0; d < this.days; d++) {
      const count = this.counts[d] as number;
      if (count === 0) continue;
      const start = this.firstDay + d * DAY;
      const latest = Math.min(start + DAY - MINUTE, this.end);
      today.length = 0;
      for (let n = 0; n < count; n++) {
        let at = start + hour(random) * 60 * MINUTE + Math.floor(random.next() * 60) * MINUTE;
        // The last day ends at `end`: what would fall after it is spread over the part of the day before.
        if (at > latest) at = start + Math.floor((random.next() * (latest - start)) / MINUTE) * MINUTE;
        today.push(at);
      }
      today.sort((a, b) => a - b);
      for (const at of today) yield new Date(at).toISOString();
    }
  }
}

function hour(random: Random): number {
  let roll = random.next() * HOUR_TOTAL;
  for (let h = 0; h < 24; h++) {
    roll -= HOUR_WEIGHTS[h] as number;
    if (roll < 0) return h;
  }
  return 23;
}
