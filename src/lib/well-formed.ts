/**
 * A string holding a lone surrogate (a string cut inside a pair, which JSON input can carry) with
 * U+FFFD in its place, as node-postgres's UTF-8 encoding of a bound text writes it; any other
 * value as it is. Both databases then store what PostgreSQL stores.
 */
export const wellFormed = (value: unknown): unknown => (typeof value === "string" && !value.isWellFormed() ? value.toWellFormed() : value);
