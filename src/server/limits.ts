import { GraphQLError, Kind, getOperationAST, validate, visit, type ASTVisitor, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationContext, type ValidationRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { ConfigError } from "../lib/config-error.ts";

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
  /** graphql-armor's cost: 1 a scalar, 2 an object, ×1.5 each level, × `first`/`last` of a connection. */
  maxCost: number;
}

export interface Limits extends QueryLimits {
  /** Bytes of one request body (yoga's `maxRequestBodySize`): 413 above it. */
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
};

export const DEFAULT_LIMITS: Limits = {
  ...DEFAULT_QUERY_LIMITS,
  maxBodyBytes: 1_000_000,
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
  const requests = number("RATE_LIMIT", DEFAULT_LIMITS.rateLimit!.requests);
  const origins = env.CORS_ORIGINS?.trim();
  return {
    maxDepth: number("QUERY_MAX_DEPTH", DEFAULT_LIMITS.maxDepth),
    maxAliases: number("QUERY_MAX_ALIASES", DEFAULT_LIMITS.maxAliases),
    maxTokens: number("QUERY_MAX_TOKENS", DEFAULT_LIMITS.maxTokens),
    maxDirectives: number("QUERY_MAX_DIRECTIVES", DEFAULT_LIMITS.maxDirectives),
    maxCost: number("QUERY_MAX_COST", DEFAULT_LIMITS.maxCost),
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
const rounded = (value: number) => Math.ceil(value);

/** One of graphql-armor's validation rules, reporting a refusal with our message and code instead of throwing. */
function armorRule(
  rule: (options: any) => (context: ValidationContext) => { OperationDefinition: Record<string, any> },
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

// The cost of each accepted operation, computed once by the validation rule and read when
// the result goes out. Keyed by the operation's node: yoga's parse cache hands the same
// document object to every request with the same text, and validation is cached with it.
const costs = new WeakMap<OperationDefinitionNode, number>();

function costRule(maxCost: number, reject: boolean): ValidationRule {
  return (context) => {
    let operation: OperationDefinitionNode | null = null;
    const visitor = costLimitRule({
      maxCost,
      propagateOnRejection: false,
      onAccept: [(_context, details: { n: number }) => operation && costs.set(operation, rounded(details.n))],
      onReject: reject
        ? [(_context, error) => context.reportError(limitError(`Query cost ${rounded(Number(found(error)))} exceeds the limit of ${maxCost}.`, LIMIT_CODES.cost))]
        : [],
    })(context);
    return {
      OperationDefinition: {
        enter(node) {
          operation = node;
          visitor.OperationDefinition.enter(node);
        },
      },
    };
  };
}

/**
 * The cost of an operation in graphql-armor's model: the number `extensions.cost` reports.
 * graphql-armor reads `first`/`last` only when written in the query; a page size passed as a
 * variable is put in its place first, so `articles(first: $n)` costs the same as
 * `articles(first: 100)` when `$n` is 100.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number {
  let pageSizeVariables = false;
  const inlined = visit(document, {
    Argument(node) {
      if ((node.name.value !== "first" && node.name.value !== "last") || node.value.kind !== Kind.VARIABLE) return undefined;
      pageSizeVariables = true;
      const value = variables?.[node.value.name.value];
      return Number.isInteger(value) ? { ...node, value: { kind: Kind.INT, value: String(value) } } : undefined;
    },
  });
  if (pageSizeVariables) {
    const inlinedOperation = getOperationAST(inlined, operation.name?.value);
    if (inlinedOperation) {
      validate(schema, inlined, [costRule(Number.POSITIVE_INFINITY, false)]);
      return costs.get(inlinedOperation) ?? 0;
    }
  }
  let cost = costs.get(operation);
  if (cost === undefined) {
    validate(schema, document, [costRule(Number.POSITIVE_INFINITY, false)]);
    cost = costs.get(operation) ?? 0;
  }
  return cost;
}

/**
 * The query limits as yoga plugins: tokens at parse, depth, aliases, directives and cost
 * at validation, field suggestions hidden when asked, and (with `reportCost`) the cost of
 * every accepted operation in `extensions.cost`.
 */
export function useQueryLimits(limits: QueryLimits & { blockFieldSuggestions?: boolean }, { reportCost }: { reportCost: boolean }): Plugin[] {
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
        if (Number.isFinite(limits.maxDepth)) {
          addValidationRule(armorRule(maxDepthRule, limits.maxDepth, (n) => `Query depth ${n} exceeds the limit of ${limits.maxDepth}.`, LIMIT_CODES.depth));
        }
        if (Number.isFinite(limits.maxAliases)) {
          addValidationRule(armorRule(maxAliasesRule, limits.maxAliases, (n) => `Query has ${n} aliases; the limit is ${limits.maxAliases}.`, LIMIT_CODES.aliases));
        }
        if (Number.isFinite(limits.maxDirectives)) {
          addValidationRule(armorRule(maxDirectivesRule, limits.maxDirectives, (n) => `Query has ${n} directives; the limit is ${limits.maxDirectives}.`, LIMIT_CODES.directives));
        }
        addValidationRule(costRule(limits.maxCost, Number.isFinite(limits.maxCost)));
      },
    },
  ];
  plugins.push({
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const requestedQueryCost = operationCost(args.schema, args.document, operation, args.variableValues ?? undefined);
      // Validation saw the page sizes written in the query; this sees those sent as variables.
      if (requestedQueryCost > limits.maxCost) {
        setResultAndStopExecution({ errors: [limitError(`Query cost ${requestedQueryCost} exceeds the limit of ${limits.maxCost}.`, LIMIT_CODES.cost)] });
        return;
      }
      if (!reportCost) return;
      const cost = { requestedQueryCost, maxQueryCost: Number.isFinite(limits.maxCost) ? limits.maxCost : null };
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, cost } });
        },
      };
    },
  });
  if (limits.blockFieldSuggestions) plugins.push(blockFieldSuggestionsPlugin({ mask: "" }) as Plugin);
  return plugins;
}
