import { GraphQLError } from "graphql";
import { builder } from "./builder.ts";
import { isCalendarDate } from "../lib/dates.ts";

builder.scalarType("Date", {
  description: "A calendar date as printed on an issue, `YYYY-MM-DD` (no time, no time zone).",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== "string" || !isCalendarDate(value)) {
      throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    return value;
  },
});

builder.scalarType("DateTime", {
  description: "An instant, ISO 8601 in UTC, e.g. `2022-06-03T08:00:00.000Z`.",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) {
      throw new GraphQLError(`DateTime must be an ISO 8601 instant, got ${JSON.stringify(value)}`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    return date;
  },
});
