import { durationUnits } from './duration.js';

// The numbers behind a chart's drawing: where the axis ticks go and how values map to the plot.
// Pure arithmetic, kept apart from the markup so the two read (and are tested) on their own.

const { MINUTE, HOUR, DAY } = durationUnits;
const MAX_STEPS = 4;

/** Steps a manager reads without arithmetic: whole minutes, hours and days. */
const durationSteps = [MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY];

/** 1, 2 or 5 times a power of ten, whole numbers only. */
function countStep(max: number): number {
  let step = 1;
  for (let power = 1; ; power *= 10) {
    for (const factor of [1, 2, 5]) {
      step = factor * power;
      if (max / step <= MAX_STEPS) return step;
    }
  }
}

function durationStep(max: number): number {
  return durationSteps.find((step) => max / step <= MAX_STEPS) ?? Math.ceil(max / MAX_STEPS / DAY) * DAY;
}

export type ValueKind = 'count' | 'duration';

/** Ticks from 0 up to the first step at or above `max` (at least one step, so an empty chart has an axis). */
export function ticks(max: number, kind: ValueKind): number[] {
  const step = kind === 'duration' ? durationStep(max) : countStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const values: number[] = [];
  for (let value = 0; value <= top; value += step) values.push(value);
  return values;
}

/** The drawing's box, in the viewBox's units; the SVG is scaled to its container's width. */
export const frame = { width: 480, height: 220, left: 62, right: 10, top: 14, bottom: 26 } as const;

export const plot = {
  left: frame.left,
  right: frame.width - frame.right,
  top: frame.top,
  bottom: frame.height - frame.bottom,
} as const;

/** Each x value gets an equal band; a point sits in its band's middle, bars share it. */
export function band(count: number): { width: number; middle: (index: number) => number } {
  const width = (plot.right - plot.left) / Math.max(1, count);
  return { width, middle: (index) => plot.left + width * (index + 0.5) };
}

/** A value's height on the plot, 0 at the bottom and `top` at the top. */
export function yOf(value: number, top: number): number {
  return plot.bottom - ((plot.bottom - plot.top) * value) / top;
}

/** Which x labels to write: about six, evenly spaced, so 13 weeks stay readable on a phone. */
export function labelEvery(count: number): number {
  return Math.max(1, Math.ceil(count / 6));
}

/** Runs of consecutive values that are not null: a line is broken where a week has no value. */
export function runs(values: readonly (number | null)[]): Array<Array<{ index: number; value: number }>> {
  const found: Array<Array<{ index: number; value: number }>> = [];
  let current: Array<{ index: number; value: number }> = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) found.push(current);
      current = [];
    } else current.push({ index, value });
  });
  if (current.length > 0) found.push(current);
  return found;
}

/** Coordinates in the viewBox, rounded to a tenth: enough for the eye, short in the markup. */
export const round = (value: number): number => Math.round(value * 10) / 10;
