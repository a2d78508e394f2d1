// The editors' API: corrections as mutations that need an `editor` key (src/schema/auth-scopes.ts),
// with user errors as data (`errors: [UserError!]!` on every payload, empty on success) and the
// history of changes as `Article.revisions` and `Person.revisions`.
import { rowId } from "./global-id.ts";
import { GraphQLError } from "graphql";
import { builder } from "./builder.ts";
import { authScopesOf } from "./auth-scopes.ts";
import { Article } from "./article.ts";
import { Person } from "./person.ts";
import { Page } from "./page.ts";
import { Continuation } from "./continuation.ts";
import { CreditRole } from "./credit.ts";
import type { Context } from "./context.ts";
import type { ApiKeyPrincipal } from "../auth/api-keys.ts";
import type { Writer } from "../db/writer.ts";
import { createLoaders } from "../resolvers/loaders.ts";
import {
  ingestPageAsEditor,
  linkContinuation,
  mergePeople,
  renamePerson,
  updateArticle,
  type Outcome,
  type UserError as UserErrorShape,
} from "../loader/corrections.ts";
import type { PageWriteResult } from "../loader/write-page.ts";

const UserErrorCode = builder.enumType("UserErrorCode", {
  description: "Why a mutation was refused. A refused mutation changes nothing.",
  values: {
    NOT_FOUND: { description: "An ID or slug given matches nothing (or an object of another type)." },
    INVALID_INPUT: { description: "A value given is not acceptable, e.g. an empty body or text with no article." },
    CONFLICT: { description: "The change contradicts the data, e.g. renaming a person to another person's name (merge them with mergePeople instead)." },
  } as const,
});

const UserError = builder.objectRef<UserErrorShape>("UserError").implement({
  description: "A mistake in a mutation's input, returned as data: the mutation changed nothing.",
  fields: (t) => ({
    code: t.field({ type: UserErrorCode, description: "What kind of mistake.", resolve: (error) => error.code }),
    message: t.exposeString("message", { description: "The mistake, in a sentence for people." }),
    field: t.exposeString("field", { nullable: true, description: "The input field at fault as a path, e.g. `patch.body`; null when no single field is." }),
  }),
});

export const Revision = builder.prismaObject("Revision", {
  description: "One change an editor made: which field or action, the value before and after, who and when.",
  fields: (t) => ({
    action: t.exposeString("action", {
      description: "The field changed (kicker, headline, subheadline, body, credits, continuation, name) or the action (merge, ingest).",
    }),
    before: t.exposeString("before", { nullable: true, description: "The value before the change, as JSON text; null when there was none." }),
    after: t.exposeString("after", { nullable: true, description: "The value after the change, as JSON text; null when there is none." }),
    actor: t.string({
      nullable: true,
      description:
        "The name of the API key the change was made with; null to a request without an `editor` or `admin` key, since key names say who holds write access.",
      resolve: async (revision, _args, ctx) => ((await authScopesOf(ctx)).editor ? revision.actor : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the change was made." }),
  }),
});

builder.prismaObjectField(Article, "revisions", (t) =>
  t.field({
    type: [Revision],
    description: "The editors' changes to the article, oldest first. A re-ingest of the page keeps them (editors win over the parser).",
    resolve: (article, _args, ctx) => ctx.loaders.revisions.load({ entityType: "Article", entityId: article.id }),
  }),
);

builder.prismaObjectField(Person, "revisions", (t) =>
  t.field({
    type: [Revision],
    description: "The editors' changes to the person (renames, merges, including those of people merged into this one), oldest first.",
    resolve: (person, _args, ctx) => ctx.loaders.revisions.load({ entityType: "Person", entityId: person.id }),
  }),
);

/** The writer and the key of an editor's request (the scope check has passed by now). */
async function editorOf(ctx: Context): Promise<{ writer: Writer; actor: ApiKeyPrincipal }> {
  if (!ctx.writer) {
    throw new GraphQLError("This server takes no changes: it was started without a write connection.", { extensions: { code: "WRITES_UNAVAILABLE" } });
  }
  const principal = await ctx.principal();
  if (principal.kind !== "key") throw new GraphQLError("This operation needs an API key.", { extensions: { code: "UNAUTHENTICATED" } });
  // Mutations run one after another, each payload read after its write: the batch loaders must
  // not answer a payload from what an earlier mutation of the same request cached.
  ctx.loaders = createLoaders(ctx.db);
  return { writer: ctx.writer, actor: principal.key };
}

interface Payload<T> {
  value: T | null;
  errors: UserErrorShape[];
}

const payloadOf = <T>(outcome: Outcome<T>): Payload<T> => ({ value: outcome.value, errors: outcome.errors });

function payloadType<T>(name: string, description: string, fields: (t: any) => Record<string, any>) {
  return builder.objectRef<Payload<T>>(name).implement({
    description,
    fields: (t) => ({
      ...fields(t),
      errors: t.field({
        type: [UserError],
        description: "Why the mutation was refused; empty when it succeeded. A refused mutation changes nothing.",
        resolve: (payload) => payload.errors,
      }),
    }),
  });
}

const UpdateArticlePayload = payloadType<number>("UpdateArticlePayload", "The result of updateArticle.", (t) => ({
  article: t.field({
    type: Article,
    nullable: true,
    description: "The article as corrected; null when the mutation was refused.",
    resolve: (payload: Payload<number>, _args: unknown, ctx: Context) => (payload.value === null ? null : ctx.db.article.findUnique({ where: { id: payload.value } })),
  }),
}));

const PersonPayload = (name: string, description: string) =>
  payloadType<number>(name, description, (t) => ({
    person: t.field({
      type: Person,
      nullable: true,
      description: "The person after the change; null when the mutation was refused.",
      resolve: (payload: Payload<number>, _args: unknown, ctx: Context) => (payload.value === null ? null : ctx.db.person.findUnique({ where: { id: payload.value } })),
    }),
  }));
const RenamePersonPayload = PersonPayload("RenamePersonPayload", "The result of renamePerson.");
const MergePeoplePayload = PersonPayload("MergePeoplePayload", "The result of mergePeople: `person` is the one that remains.");

const LinkContinuationPayload = payloadType<number>("LinkContinuationPayload", "The result of linkContinuation.", (t) => ({
  continuation: t.field({
    type: Continuation,
    nullable: true,
    description: "The jump as linked; null when the mutation was refused.",
    resolve: (payload: Payload<number>, _args: unknown, ctx: Context) =>
      payload.value === null ? null : ctx.db.continuation.findUnique({ where: { id: payload.value } }),
  }),
}));

const PageWriteStatus = builder.enumType("PageWriteStatus", {
  description: "What ingesting a page did.",
  values: {
    CREATED: { description: "The page was new." },
    REPLACED: { description: "The page's text or the parser changed: its articles were read again (editors' corrections kept)." },
    UNCHANGED: { description: "Same text, same parser: nothing was written." },
  } as const,
});

const IngestReport = builder.objectRef<PageWriteResult>("IngestReport").implement({
  description: "What ingesting one page did, as `papergraph ingest` reports it.",
  fields: (t) => ({
    status: t.field({ type: PageWriteStatus, description: "Whether the page was new, replaced or unchanged.", resolve: (report) => report.status.toUpperCase() as "CREATED" }),
    articles: t.exposeInt("articles", { description: "Number of articles on the page." }),
    people: t.int({ description: "Number of people the page credits or names (0 when unchanged).", resolve: (report) => report.personIds.length }),
    continuationsResolved: t.exposeInt("continuationsResolved", { description: "Jumps into or out of the page matched to their other half by this write." }),
    correctionsKept: t.int({
      description: "Editors' corrections re-applied over the parser's output (fields, credits, jumps, former names of people).",
      resolve: (report) => report.correctionsKept ?? 0,
    }),
  }),
});

const IngestPagePayload = payloadType<PageWriteResult>("IngestPagePayload", "The result of ingestPage.", (t) => ({
  report: t.field({
    type: IngestReport,
    nullable: true,
    description: "What the ingest did; null when the mutation was refused.",
    resolve: (payload: Payload<PageWriteResult>) => payload.value,
  }),
  page: t.field({
    type: Page,
    nullable: true,
    description: "The page as stored; null when the mutation was refused.",
    resolve: (payload: Payload<PageWriteResult>, _args: unknown, ctx: Context) =>
      payload.value === null ? null : ctx.db.page.findUnique({ where: { id: payload.value.pageId } }),
  }),
}));

const IngestPageInput = builder.inputType("IngestPageInput", {
  description: "One page of text to parse and store.",
  fields: (t) => ({
    publication: t.string({ required: true, description: "The slug of a publication the archive holds, e.g. taiyuan-daily." }),
    date: t.field({ type: "Date", required: true, description: "The issue date, YYYY-MM-DD." }),
    page: t.int({ required: false, description: "The page's number (see `Page.number`): 1 to 999, or 1001 for A01. Give this or `label`." }),
    label: t.string({ required: false, description: "The page label as printed: 3 or A01 (A1, ａ０１). Give this or `page`." }),
    text: t.string({ required: true, description: "The page's text, in either form `papergraph ingest` reads (OCR or e-paper)." }),
  }),
});

const CreditInput = builder.inputType("CreditInput", {
  description: "One credit of an article, as an editor gives it.",
  fields: (t) => ({
    name: t.string({ required: true, description: "The person's name as printed; a former name of a renamed or merged person means that person." }),
    role: t.field({ type: CreditRole, required: true, description: "What the person is credited for." }),
    label: t.string({ required: false, description: "The label printed before the name: 记者, 通讯员, …" }),
  }),
});

const ArticlePatch = builder.inputType("ArticlePatch", {
  description: "Corrections to an article: only the fields given change; null clears a heading. Each change is a revision and survives a re-ingest of the page.",
  fields: (t) => ({
    kicker: t.string({ required: false, description: "引题, the line above the headline; null removes it." }),
    headline: t.string({ required: false, description: "主题, the headline; null removes it." }),
    subheadline: t.string({ required: false, description: "副题, the line under the headline; null removes it." }),
    body: t.string({ required: false, description: "The body paragraphs joined by newlines; cannot be empty." }),
    credits: t.field({ type: [CreditInput], required: false, description: "Every credit of the article, in printed order: replaces the current ones." }),
  }),
});

builder.mutationType({
  description: "Corrections by editors. Every mutation needs an API key with the `editor` scope (Authorization: Bearer <key>).",
  authScopes: { editor: true },
});

builder.mutationFields((t) => ({
  ingestPage: t.field({
    type: IngestPagePayload,
    description: "Parses and stores one page, as `papergraph ingest` does. Text with no recognisable article is INVALID_INPUT and writes nothing.",
    args: { input: t.arg({ type: IngestPageInput, required: true, description: "The page and where it belongs." }) },
    resolve: async (_root, { input }, ctx) => {
      const { writer, actor } = await editorOf(ctx);
      return payloadOf(await ingestPageAsEditor(writer, actor, input));
    },
  }),
  updateArticle: t.field({
    type: UpdateArticlePayload,
    description: "Corrects an article's kicker, headline, subheadline, body or credits.",
    args: {
      id: t.arg.id({ required: true, description: "The article's global ID." }),
      patch: t.arg({ type: ArticlePatch, required: true, description: "The fields to change." }),
    },
    resolve: async (_root, { id, patch }, ctx) => {
      const { writer, actor } = await editorOf(ctx);
      return payloadOf(await updateArticle(writer, actor, rowId(String(id), "Article"), patch));
    },
  }),
  renamePerson: t.field({
    type: RenamePersonPayload,
    description: "Renames a person; the old name stays known, so a re-ingest credits the renamed person. A name another person bears is a CONFLICT: use mergePeople.",
    args: {
      id: t.arg.id({ required: true, description: "The person's global ID." }),
      name: t.arg.string({ required: true, description: "The new name." }),
    },
    resolve: async (_root, { id, name }, ctx) => {
      const { writer, actor } = await editorOf(ctx);
      return payloadOf(await renamePerson(writer, actor, rowId(String(id), "Person"), name));
    },
  }),
  mergePeople: t.field({
    type: MergePeoplePayload,
    description: "Makes two people one: `from`'s credits, mentions, photos, former names and revisions move to `into`, and `from` is deleted.",
    args: {
      into: t.arg.id({ required: true, description: "The global ID of the person that remains." }),
      from: t.arg.id({ required: true, description: "The global ID of the person merged into `into` (deleted)." }),
    },
    resolve: async (_root, args, ctx) => {
      const { writer, actor } = await editorOf(ctx);
      return payloadOf(await mergePeople(writer, actor, rowId(String(args.into), "Person"), rowId(String(args.from), "Person")));
    },
  }),
  linkContinuation: t.field({
    type: LinkContinuationPayload,
    description: "Says that article `from` continues in article `to` (on another page of the same issue), over any automatic match.",
    args: {
      from: t.arg.id({ required: true, description: "The global ID of the article that jumps." }),
      to: t.arg.id({ required: true, description: "The global ID of the article that picks it up." }),
    },
    resolve: async (_root, args, ctx) => {
      const { writer, actor } = await editorOf(ctx);
      return payloadOf(await linkContinuation(writer, actor, rowId(String(args.from), "Article"), rowId(String(args.to), "Article")));
    },
  }),
}));
