/**
 * The latest time a JavaScript Date can hold, in ms since the epoch
 * (ECMAScript's time value limit). Anything past it is no time at all:
 * formatting it throws, so links and API windows refuse it.
 */
export const MAX_INSTANT_MS = 8.64e15;

/** True for a whole number of ms that a Date can hold, from -MAX_INSTANT_MS to MAX_INSTANT_MS. */
export function isInstant(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) <= MAX_INSTANT_MS;
}
