// The articles that are planned rather than drawn: the parts of each series, a few days apart, and the
// exchanges in which each article answers the one before. A larger publication gets more of them.
import type { Calendar } from "./calendar.js";
import type { Random } from "./random.js";

export interface Plan {
  series?: { key: string; part: number; parts: number };
  exchange?: { chain: number; step: number };
}

const SERIES_PARTS = 4;
/** Where on the time line each series starts, and how many articles the publication needs to have it. */
const SERIES_PLACES: [fraction: number, minimum: number][] = [
  [0.35, 20],
  [0.7, 80],
  [0.93, 160],
];
const EXCHANGES: [fraction: number, length: number, minimum: number][] = [
  [0.55, 4, 12],
  [0.985, 3, 200],
];

/** Plans by position in the article stream. */
export function planArticles(
  calendar: Calendar,
  articles: number,
  seriesKeys: readonly string[],
  random: Random,
): Map<number, Plan> {
  const taken = new Set<number>();
  const wanted: { day: number; plan: Plan }[] = [];
  const place = (fraction: number, length: number, gaps: [number, number], plan: (step: number) => Plan) => {
    const steps = Array.from({ length }, (_, step) => (step === 0 ? 0 : random.int(...gaps)));
    const span = steps.reduce((sum, gap) => sum + gap, 0);
    let day = Math.max(0, Math.min(Math.floor(fraction * calendar.days), calendar.days - 1 - span));
    const days: number[] = [];
    for (const gap of steps) {
      day += gap;
      while (taken.has(day)) day++;
      days.push(day);
    }
    // A time line too short for everything loses the plan rather than a part of it.
    if (day >= calendar.days) return;
    for (const [step, at] of days.entries()) {
      taken.add(at);
      wanted.push({ day: at, plan: plan(step) });
    }
  };
  for (const [i, key] of seriesKeys.entries()) {
    const [fraction, minimum] = SERIES_PLACES[i] ?? [0, Number.POSITIVE_INFINITY];
    if (articles < minimum) continue;
    place(fraction, SERIES_PARTS, [2, 5], (step) => ({
      series: { key, part: step + 1, parts: SERIES_PARTS },
    }));
  }
  for (const [chain, [fraction, length, minimum]] of EXCHANGES.entries()) {
    if (articles >= minimum) place(fraction, length, [1, 4], (step) => ({ exchange: { chain, step } }));
  }
  const positions = calendar.reserve(wanted.map((w) => w.day));
  const plans = new Map<number, Plan>();
  for (const [i, { plan }] of wanted.entries()) {
    const position = positions[i];
    if (position !== undefined && position >= 0) plans.set(position, plan);
  }
  return plans;
}
