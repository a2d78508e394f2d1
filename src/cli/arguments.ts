import { ConfigError } from "../lib/config-error.ts";

/** A whole number from `min` to `max`, given as `name` (a flag or a variable), or a ConfigError naming it. */
export function wholeNumber(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return number;
}
