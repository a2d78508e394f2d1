import { GraphQLError, getOperationAST, getVariableValues, type ASTVisitor, type DocumentNode, type ExecutionArgs, type GraphQLSchema, type OperationDefinitionNode, type ValidationContext, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { ConfigError } from "../lib/config-error.ts";
import { isArgumentRefusal, operationCost } from "./query-cost.ts";
import { withExtensions } from "./unparsed-answers.ts";

/**
 * What one request may ask of the server. The query limits are graphql-armor's rules
 * (Escape's GraphQL Armor), run by yoga's parser and validation; each refusal is a GraphQL
 * error with a stable `extensions.code`. The defaults are far above what the README's
 * queries, GraphiQL's tabs, codegen's introspection or a gateway's query plans need.
 */
export interface QueryLimits {
  /** Deepest selection nesting (fragments count where they are spread). */
  maxDepth: number;
  /** Aliased fields in one operation (`__typename` aliases are free). */
  maxAliases: number;
  /** Lexical tokens in one document: bounds the work of parsing before anything else runs. */
  maxTokens: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** The cost of src/server/query-cost.ts, after variables and defaults are applied. */
  maxCost: number;
  /** Items in any list of an argument, at any depth (`nodes(ids:)`, `_entities`). */
  maxListItems: number;
  /** Whether `__schema` and `__type` are answered (they count toward the cost either way). */
  introspection?: boolean;
}

export interface Limits extends QueryLimits {
  /** Bytes of one request body (src/server/body-limit.ts, as yoga's `maxRequestBodySize`): 413 above it. */
  maxBodyBytes: number;
  /** Requests to /graphql per client address and window; null: no rate limit. */
  rateLimit: RateLimitOptions | null;
  /** Hide "Did you mean …?" in validation errors (on in production). */
  blockFieldSuggestions: boolean;
  /** Origins allowed by CORS: "*" for any (without credentials), or a list. */
  corsOrigins: "*" | string[];
}

export interface RateLimitOptions {
  requests: number;
  windowSeconds: number;
  /** Take the client address from the first X-Forwarded-For entry (behind a proxy you run). */
  trustProxy: boolean;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 3000,
  maxDirectives: 50,
  maxCost: 50_000,
  maxListItems: 100,
  introspection: true,
};

export const DEFAULT_LIMITS: Limits = {
  ...DEFAULT_QUERY_LIMITS,
  // A page's text for ingestPage (a broadsheet page is well under 200 KB) fits; megabytes of
  // variables (20,000 IDs) are refused before they are parsed.
  maxBodyBytes: 262_144,
  rateLimit: { requests: 1200, windowSeconds: 60, trustProxy: false },
  blockFieldSuggestions: false,
  corsOrigins: "*",
};

/** The stable `extensions.code` of each refusal. */
export const LIMIT_CODES = {
  depth: "QUERY_TOO_DEEP",
  aliases: "TOO_MANY_ALIASES",
  tokens: "TOO_MANY_TOKENS",
  directives: "TOO_MANY_DIRECTIVES",
  cost: "QUERY_TOO_COSTLY",
  listItems: "LIST_TOO_LONG",
  introspection: "INTROSPECTION_DISABLED",
  rate: "RATE_LIMITED",
  body: "REQUEST_ENTITY_TOO_LARGE",
} as const;

/**
 * The limits of `papergraph serve` from the environment; unset variables keep the defaults,
 * 0 turns a limit off (the rate limit included).
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Limits {
  const number = (name: string, fallback: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number (0 turns the limit off), got ${raw}`);
    return value === 0 ? Number.POSITIVE_INFINITY : value;
  };
  const flag = (name: string, fallback: boolean) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (raw !== "true" && raw !== "false") throw new ConfigError(`${name} must be true or false, got ${raw}`);
    return raw === "true";
  };
  const requests = number("RATE_LIMIT", DEFAULT_LIMITS.rateLimit!.requests);
  const origins = env.CORS_ORIGINS?.trim();
  return {
    maxDepth: number("QUERY_MAX_DEPTH", DEFAULT_LIMITS.maxDepth),
    maxAliases: number("QUERY_MAX_ALIASES", DEFAULT_LIMITS.maxAliases),
    maxTokens: number("QUERY_MAX_TOKENS", DEFAULT_LIMITS.maxTokens),
    maxDirectives: number("QUERY_MAX_DIRECTIVES", DEFAULT_LIMITS.maxDirectives),
    maxCost: number("QUERY_MAX_COST", DEFAULT_LIMITS.maxCost),
    maxListItems: number("QUERY_MAX_LIST_ITEMS", DEFAULT_LIMITS.maxListItems),
    introspection: flag("INTROSPECTION", true),
    maxBodyBytes: number("MAX_BODY_BYTES", DEFAULT_LIMITS.maxBodyBytes),
    rateLimit: Number.isFinite(requests)
      ? { requests, windowSeconds: Math.min(number("RATE_LIMIT_WINDOW", DEFAULT_LIMITS.rateLimit!.windowSeconds), 86_400), trustProxy: env.TRUST_PROXY === "true" }
      : null,
    blockFieldSuggestions: env.NODE_ENV === "production",
    corsOrigins: !origins || origins === "*" ? "*" : origins.split(",").map((origin) => origin.trim()).filter(Boolean),
  };
}

const limitError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/** The number graphql-armor puts in its message ("… exceeded, found 17."). */
const found = (error: GraphQLError) => /found (\d+(?:\.\d+)?)/.exec(error.message)?.[1] ?? "?";

/** What armorRule sets of a graphql-armor rule's options: the limit, and a report instead of a throw. */
interface ArmorRuleOptions {
  n: number;
  propagateOnRejection: boolean;
  onReject: ((context: unknown, error: GraphQLError) => void)[];
}

/** One of graphql-armor's validation rules, reporting a refusal with our message and code instead of throwing. */
function armorRule(
  rule: (options: ArmorRuleOptions) => (context: ValidationContext) => unknown,
  limit: number,
  message: (found: string) => string,
  code: string,
): ValidationRule {
  return (context) => {
    const visitor = rule({
      n: limit,
      propagateOnRejection: false,
      onReject: [(_context: unknown, error: GraphQLError) => context.reportError(limitError(message(found(error)), code))],
    })(context);
    return visitor as ASTVisitor;
  };
}

/** The coerced variables of an operation (defaults applied); null when they do not coerce (execution says why). */
function coercedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Record<string, unknown>): Record<string, unknown> | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 1 });
  return "coerced" in coerced && coerced.coerced ? coerced.coerced : null;
}

/**
 * The cost rule at validation: refuses (400) an operation without variables whose cost is over
 * the limit. The cost of one with variables depends on the values sent, so it is checked at
 * execution (useQueryLimits), with the variables coerced and their defaults applied.
 */
function costRule(limits: QueryLimits): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      if (node.variableDefinitions?.length) return;
      try {
        const cost = operationCost(context.getSchema(), context.getDocument(), node, {}, { maxListItems: limits.maxListItems });
        if (cost > limits.maxCost) context.reportError(costError(cost, limits.maxCost));
      } catch (error) {
        if (isArgumentRefusal(error)) context.reportError(error);
        else throw error;
      }
    },
  });
}

const costError = (cost: number, maxCost: number) => limitError(`Query cost ${Math.ceil(cost)} exceeds the limit of ${maxCost}.`, LIMIT_CODES.cost);

/** Refuses `__schema` and `__type` (introspection) where the deployment turned it off; `__typename` stays. */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === "__schema" || node.name.value === "__type") {
      context.reportError(limitError("Introspection is turned off on this server (INTROSPECTION=false).", LIMIT_CODES.introspection));
    }
  },
});

/**
 * The query limits as yoga plugins: tokens at parse, depth, aliases, directives and cost
 * at validation, field suggestions hidden when asked, and (with `reportCost`) the cost of
 * every accepted operation in `extensions.cost`.
 */
export function useQueryLimits(limits: QueryLimits & { blockFieldSuggestions?: boolean }, { reportCost }: { reportCost: boolean }): Plugin[] {
  // Made once, not at each request: yoga's validation cache then finds the same rules every time.
  const rules: ValidationRule[] = [];
  if (Number.isFinite(limits.maxDepth)) {
    rules.push(armorRule(maxDepthRule, limits.maxDepth, (n) => `Query depth ${n} exceeds the limit of ${limits.maxDepth}.`, LIMIT_CODES.depth));
  }
  if (Number.isFinite(limits.maxAliases)) {
    rules.push(armorRule(maxAliasesRule, limits.maxAliases, (n) => `Query has ${n} aliases; the limit is ${limits.maxAliases}.`, LIMIT_CODES.aliases));
  }
  if (Number.isFinite(limits.maxDirectives)) {
    rules.push(armorRule(maxDirectivesRule, limits.maxDirectives, (n) => `Query has ${n} directives; the limit is ${limits.maxDirectives}.`, LIMIT_CODES.directives));
  }
  rules.push(costRule(limits));
  if (limits.introspection === false) rules.push(noIntrospection);
  const costOf = executionCosts(limits);
  const plugins: Plugin[] = [
    {
      onParse({ setParseFn }) {
        if (!Number.isFinite(limits.maxTokens)) return;
        setParseFn((source, options) => {
          let refused = false;
          try {
            const parser = new MaxTokensParserWLexer(source, {
              ...options,
              n: limits.maxTokens,
              onReject: [() => (refused = true)],
            } as ConstructorParameters<typeof MaxTokensParserWLexer>[1]);
            return parser.parseDocument();
          } catch (error) {
            if (refused) throw limitError(`Query has more than ${limits.maxTokens} tokens.`, LIMIT_CODES.tokens);
            throw error;
          }
        });
      },
      onValidate({ addValidationRule }) {
        for (const rule of rules) addValidationRule(rule);
      },
    },
  ];
  plugins.push({
    onExecute({ args, setResultAndStopExecution }) {
      let requestedQueryCost: number | null;
      try {
        requestedQueryCost = costOf(args);
      } catch (error) {
        if (!isArgumentRefusal(error)) throw error;
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      if (requestedQueryCost === null) return;
      if (requestedQueryCost > limits.maxCost) {
        setResultAndStopExecution({ errors: [costError(requestedQueryCost, limits.maxCost)] });
        return;
      }
      if (!reportCost) return;
      const cost = { requestedQueryCost, maxQueryCost: Number.isFinite(limits.maxCost) ? limits.maxCost : null };
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult(withExtensions(result, { cost }));
        },
      };
    },
  });
  if (limits.blockFieldSuggestions) plugins.push(blockFieldSuggestionsPlugin({ mask: "" }) as Plugin);
  return plugins;
}

/** The most costs kept for one document: one per operation and variables sent. */
const COSTS_PER_DOCUMENT = 64;

/**
 * The cost of an operation with the variables sent, rounded up; null when there is no such
 * operation or its variables do not coerce (execution says why); throws an argument refusal.
 * Kept by document (yoga's parse cache gives a document's text the same DocumentNode each time),
 * operation and variables as sent: a document asked again with the same variables is not walked
 * again. Refusals are not kept: they are computed again, each request getting its own error.
 */
function executionCosts(limits: QueryLimits): (args: ExecutionArgs) => number | null {
  const costs = new WeakMap<DocumentNode, Map<string, number | null>>();
  return (args) => {
    let known = costs.get(args.document);
    if (!known) costs.set(args.document, (known = new Map()));
    const key = JSON.stringify([args.operationName ?? null, args.variableValues ?? {}]);
    const kept = known.get(key);
    if (kept !== undefined) return kept;
    const cost = executionCost(args, limits);
    if (known.size >= COSTS_PER_DOCUMENT) known.clear();
    known.set(key, cost);
    return cost;
  };
}

function executionCost(args: ExecutionArgs, limits: QueryLimits): number | null {
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return null;
  // Validation saw what the query writes; this sees the variables sent, coerced.
  const variables = coercedVariables(args.schema, operation, (args.variableValues ?? {}) as Record<string, unknown>);
  if (!variables) return null;
  return Math.ceil(operationCost(args.schema, args.document, operation, variables, { maxListItems: limits.maxListItems }));
}
