// The editors' mutations: each runs in one transaction of the writer connection, writes a
// revision per change (who, when, before, after), stores what must survive a re-ingest
// (Correction rows, person aliases) and moves the data version, so cached answers refresh.
// A user error (not found, invalid input, conflict) is thrown inside the transaction, which
// rolls back whatever was written, and returned as data.
import { FIRST_ISSUE_DATE, LAST_ISSUE_DATE, storableProblem } from "../search/tokens.ts";
import type { SqlRunner, Writer } from "../db/writer.ts";
import type { ApiKeyPrincipal } from "../auth/api-keys.ts";
import type { Article } from "../generated/prisma/client.ts";
import type { CreditRole } from "../generated/prisma/enums.ts";
import { addFormerNames, personRow } from "./people-by-name.ts";
import { bumpDataVersion } from "../db/data-version.ts";
import { deleteSearchRows, insertSearchRows } from "./search-index.ts";
import { ingestPage } from "./ingest-page.ts";
import { PageInputError } from "../ingest/decode.ts";
import { labelOfPageNumber, pageLabelOfOrder, pageOrderOfLabel } from "../ingest/page-label.ts";
import type { PageSource, PageWriteResult, PublicationInfo } from "./write-page.ts";

/** As for files given to `papergraph ingest`. */
const MAX_PAGE_BYTES = 5 * 1024 * 1024;
import {
  TEXT_FIELDS,
  creditsOf,
  linkJump,
  mergeInto,
  recordRevision,
  replaceCredits,
  saveCorrection,
  nowIso,
  type TextField,
} from "./corrections-store.ts";

export type UserErrorCode = "NOT_FOUND" | "INVALID_INPUT" | "CONFLICT";

export interface UserError {
  code: UserErrorCode;
  message: string;
  /** The input field at fault, as a path (`patch.body`), or null. */
  field: string | null;
}

export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((error) => error.message).join("; "));
  }
}

export const userError = (code: UserErrorCode, message: string, field: string | null = null) => new UserErrors([{ code, message, field }]);

export type Outcome<T> = { value: T; errors: [] } | { value: null; errors: UserError[] };

/** Runs an editor's change in one transaction; user errors roll it back and come back as data. */
async function change<T>(writer: Writer, actor: ApiKeyPrincipal, work: (sql: SqlRunner) => Promise<{ value: T; changed: boolean }>): Promise<Outcome<T>> {
  try {
    const value = await writer.transaction(async (sql) => {
      const result = await work(sql);
      if (result.changed) {
        await sql.run(`UPDATE "ApiKey" SET "lastUsedAt" = ? WHERE "id" = ?`, [nowIso(), actor.id]);
        await bumpDataVersion(sql);
      }
      return result.value;
    });
    return { value, errors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { value: null, errors: error.errors };
    throw error;
  }
}

type ArticleRow = Pick<
  Article,
  "id" | "pageId" | "issueId" | "issueDate" | "pageNumber" | "position" | "kicker" | "headline" | "subheadline" | "body" | "source" | "spanStart" | "spanEnd"
>;

async function articleById(sql: SqlRunner, id: number | null, field: string): Promise<ArticleRow> {
  const article =
    id === null
      ? undefined
      : await sql.get<ArticleRow>(
          `SELECT "id", "pageId", "issueId", "issueDate", "pageNumber", "position", "kicker", "headline", "subheadline", "body", "source", "spanStart", "spanEnd"
             FROM "Article" WHERE "id" = ?`,
          [id],
        );
  if (!article) throw userError("NOT_FOUND", "No article has this ID.", field);
  return article;
}

async function personById(sql: SqlRunner, id: number | null, field: string): Promise<{ id: number; name: string; mentionCount: number }> {
  const person = id === null ? undefined : await sql.get<{ id: number; name: string; mentionCount: number }>(
    `SELECT "id", "name", "mentionCount" FROM "Person" WHERE "id" = ?`,
    [id],
  );
  if (!person) throw userError("NOT_FOUND", "No person has this ID.", field);
  return person;
}

export interface ArticlePatch {
  kicker?: string | null | undefined;
  headline?: string | null | undefined;
  subheadline?: string | null | undefined;
  body?: string | null | undefined;
  credits?: { name: string; role: CreditRole; label?: string | null | undefined }[] | null | undefined;
}

const MAX_NAME = 32;
const CREDIT_ROLES: CreditRole[] = ["REPORTER", "PHOTOGRAPHER", "AUTHOR"];

/** Checks a patch before anything is read or written. */
function checkPatch(patch: ArticlePatch): void {
  const given = [...TEXT_FIELDS, "credits" as const].filter((field) => patch[field] !== undefined);
  if (given.length === 0) throw userError("INVALID_INPUT", "The patch changes nothing: give at least one field.", "patch");
  if (patch.body === null || (typeof patch.body === "string" && patch.body.trim() === "")) {
    throw userError("INVALID_INPUT", "An article's body cannot be empty.", "patch.body");
  }
  if (patch.credits === null) throw userError("INVALID_INPUT", "credits is a list: give [] to remove every credit.", "patch.credits");
  const seen = new Set<string>();
  for (const [index, credit] of (patch.credits ?? []).entries()) {
    const name = credit.name.trim();
    if (!name || name.length > MAX_NAME || /\s/.test(name)) {
      throw userError("INVALID_INPUT", `A credited name is 1 to ${MAX_NAME} characters without spaces, got "${credit.name}".`, `patch.credits.${index}.name`);
    }
    if (!CREDIT_ROLES.includes(credit.role)) throw userError("INVALID_INPUT", `Unknown credit role ${credit.role}.`, `patch.credits.${index}.role`);
    if (seen.has(`${credit.role}:${name}`)) {
      throw userError("INVALID_INPUT", `${name} is credited twice as ${credit.role}.`, `patch.credits.${index}`);
    }
    seen.add(`${credit.role}:${name}`);
  }
}

/** Corrects an article's headings, body or credits; each field that changes is a revision and a stored correction. */
export function updateArticle(writer: Writer, actor: ApiKeyPrincipal, articleId: number | null, patch: ArticlePatch): Promise<Outcome<number>> {
  return change(writer, actor, async (sql) => {
    checkPatch(patch);
    const article = await articleById(sql, articleId, "id");
    let changed = false;
    let textChanged = false;
    for (const field of TEXT_FIELDS) {
      const after = patch[field];
      if (after === undefined || after === article[field]) continue;
      await sql.run(`UPDATE "Article" SET "${field}" = ? WHERE "id" = ?`, [after, article.id]);
      await saveCorrection(sql, article.pageId, article.position, field, after);
      await recordRevision(sql, { entityType: "Article", entityId: article.id, action: field, before: article[field], after, actor: actor.name });
      (article as Record<TextField, string | null>)[field] = after;
      changed = textChanged = true;
    }
    if (patch.credits) {
      const before = await creditsOf(sql, article.id);
      const after = patch.credits.map((credit) => ({ name: credit.name.trim(), role: credit.role, label: credit.label ?? null }));
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await replaceCredits(sql, article, after);
        await saveCorrection(sql, article.pageId, article.position, "credits", after);
        await recordRevision(sql, { entityType: "Article", entityId: article.id, action: "credits", before, after, actor: actor.name });
        changed = true;
      }
    }
    if (textChanged) await reindex(sql, article);
    return { value: article.id, changed };
  });
}

/** Rewrites the search rows of one article, so that search finds the corrected text. */
async function reindex(sql: SqlRunner, article: ArticleRow): Promise<void> {
  const publication = await sql.get<{ publicationId: number }>(`SELECT "publicationId" FROM "Issue" WHERE "id" = ?`, [article.issueId]);
  const captions = await sql.all<{ caption: string }>(`SELECT "caption" FROM "Photo" WHERE "articleId" = ? ORDER BY "position"`, [article.id]);
  await deleteSearchRows(sql, `SELECT "id" FROM "Article" WHERE "id" = ?`, [article.id]);
  await insertSearchRows(sql, [
    {
      articleId: article.id,
      publicationId: publication!.publicationId,
      issueDate: article.issueDate,
      pageNumber: article.pageNumber,
      position: article.position,
      kicker: article.kicker,
      headline: article.headline,
      subheadline: article.subheadline,
      body: article.body,
      captions: captions.map((row) => row.caption),
      source: article.source,
    },
  ]);
}

/**
 * Renames a person. The old name becomes an alias, so that a re-ingest of a page that prints it
 * credits and names the renamed person. A name another person bears, in any script, is a
 * CONFLICT (merge them instead); so is a former name of another person. The name given stays,
 * whatever forms of it pages print later.
 */
export function renamePerson(writer: Writer, actor: ApiKeyPrincipal, personId: number | null, newName: string): Promise<Outcome<number>> {
  return change(writer, actor, async (sql) => {
    const name = newName.trim();
    if (!name || name.length > MAX_NAME || /\s/.test(name)) {
      throw userError("INVALID_INPUT", `A name is 1 to ${MAX_NAME} characters without spaces, got "${newName}".`, "name");
    }
    const person = await personById(sql, personId, "id");
    if (person.name === name) return { value: person.id, changed: false };
    const row = personRow(name);
    const other = await sql.get<{ name: string }>(`SELECT "name" FROM "Person" WHERE "nameKey" = ? AND "id" <> ?`, [row.nameKey, person.id]);
    if (other) throw userError("CONFLICT", `Another person is named ${other.name}: use mergePeople to make them one.`, "name");
    const alias = await sql.get<{ personId: number }>(`SELECT "personId" FROM "PersonAlias" WHERE "name" IN (?, ?) AND "personId" <> ?`, [
      name,
      row.nameKey,
      person.id,
    ]);
    if (alias) throw userError("CONFLICT", `${name} is a former name of another person: use mergePeople to make them one.`, "name");
    await sql.run(`DELETE FROM "PersonAlias" WHERE "name" = ?`, [name]);
    await sql.run(`UPDATE "Person" SET "name" = ?, "nameKey" = ?, "pinyin" = ? WHERE "id" = ?`, [name, row.nameKey, row.pinyin, person.id]);
    await addFormerNames(sql, { id: person.id, name }, [person.name]);
    await recordRevision(sql, { entityType: "Person", entityId: person.id, action: "name", before: person.name, after: name, actor: actor.name });
    return { value: person.id, changed: true };
  });
}

/**
 * Makes two people one: `from`'s credits, mentions and photos move to `into`, its names become
 * aliases of `into`, its revisions are kept under `into`, and `from` is deleted.
 */
export function mergePeople(writer: Writer, actor: ApiKeyPrincipal, intoId: number | null, fromId: number | null): Promise<Outcome<number>> {
  return change(writer, actor, async (sql) => {
    const into = await personById(sql, intoId, "into");
    const from = await personById(sql, fromId, "from");
    if (into.id === from.id) throw userError("CONFLICT", "A person cannot be merged into itself.", "from");
    const before = { into: { name: into.name, mentionCount: into.mentionCount }, from: { name: from.name, mentionCount: from.mentionCount } };
    await mergeInto(sql, into, from);
    const merged = await sql.get<{ mentionCount: number }>(`SELECT "mentionCount" FROM "Person" WHERE "id" = ?`, [into.id]);
    await recordRevision(sql, {
      entityType: "Person",
      entityId: into.id,
      action: "merge",
      before,
      after: { name: into.name, mentionCount: merged!.mentionCount },
      actor: actor.name,
    });
    return { value: into.id, changed: true };
  });
}

/** Links article `from`'s jump to article `to` on another page of the same issue; kept over any automatic match. */
export function linkContinuation(writer: Writer, actor: ApiKeyPrincipal, fromId: number | null, toId: number | null): Promise<Outcome<number>> {
  return change(writer, actor, async (sql) => {
    const from = await articleById(sql, fromId, "from");
    const to = await articleById(sql, toId, "to");
    if (from.id === to.id) throw userError("INVALID_INPUT", "An article cannot continue in itself.", "to");
    if (from.issueId !== to.issueId) throw userError("INVALID_INPUT", "A jump links two articles of the same issue.", "to");
    if (from.pageNumber === to.pageNumber) throw userError("INVALID_INPUT", "A jump links articles on different pages.", "to");
    const current = await sql.get<{ id: number; toPageNumber: number; toArticleId: number | null }>(
      `SELECT "id", "toPageNumber", "toArticleId" FROM "Continuation" WHERE "fromArticleId" = ?`,
      [from.id],
    );
    if (current?.toArticleId === to.id) return { value: current.id, changed: false };
    const target = current?.toArticleId
      ? await sql.get<{ pageNumber: number; position: number }>(`SELECT "pageNumber", "position" FROM "Article" WHERE "id" = ?`, [current.toArticleId])
      : undefined;
    await linkJump(sql, from.id, to);
    const after = { page: to.pageNumber, position: to.position };
    await saveCorrection(sql, from.pageId, from.position, "continuation", after);
    await recordRevision(sql, {
      entityType: "Article",
      entityId: from.id,
      action: "continuation",
      before: current ? { toPageNumber: current.toPageNumber, to: target ? { page: target.pageNumber, position: target.position } : null } : null,
      after: { toPageNumber: to.pageNumber, to: after },
      actor: actor.name,
    });
    const link = await sql.get<{ id: number }>(`SELECT "id" FROM "Continuation" WHERE "fromArticleId" = ?`, [from.id]);
    return { value: link!.id, changed: true };
  });
}

/**
 * Ingests one page as `papergraph ingest` does (same parser, same report), with a revision of
 * the page in the same transaction. Text with no article is INVALID_INPUT and writes nothing.
 */
export async function ingestPageAsEditor(
  writer: Writer,
  actor: ApiKeyPrincipal,
  input: { publication: string; date: string; page?: number | null; label?: string | null; text: string },
): Promise<Outcome<PageWriteResult>> {
  const fail = (code: UserErrorCode, message: string, field: string): Outcome<PageWriteResult> => ({ value: null, errors: [{ code, message, field }] });
  const publication = await writer.read.get<PublicationInfo>(
    `SELECT "slug", "name", "locale", "region", "province" FROM "Publication" WHERE "slug" = ?`,
    [input.publication],
  );
  // The API ingests into known publications only: their name and region come from publication.json through `papergraph ingest`.
  if (!publication) return fail("NOT_FOUND", `No publication has the slug ${input.publication}.`, "input.publication");
  if ((input.page == null) === (input.label == null)) return fail("INVALID_INPUT", "Give the page's number or its label, not both and not neither.", "input.page");
  const pageNumber = input.label != null ? pageOrderOfLabel(input.label) : input.page!;
  if (pageNumber === null) return fail("INVALID_INPUT", "A page label is a number from 1 to 999 or a section page such as A01.", "input.label");
  if (pageLabelOfOrder(pageNumber) === null) return fail("INVALID_INPUT", "A page number is from 1 to 999, or 1001 to 3599 for a section page (see Page.number).", "input.page");
  if (storableProblem(input.date, 1)) return fail("INVALID_INPUT", `An issue date is from ${FIRST_ISSUE_DATE} to ${LAST_ISSUE_DATE}.`, "input.date");
  if (Buffer.byteLength(input.text) > MAX_PAGE_BYTES) return fail("INVALID_INPUT", "The text is over 5 MB.", "input.text");
  if (input.text.trim() === "") return fail("INVALID_INPUT", "The text is blank.", "input.text");
  const source: PageSource = { publication, date: input.date, pageNumber, text: input.text };
  let before: unknown = null;
  // The writer ingest-page.ts uses, with the revision and the key's use added to its transaction.
  const recording: Writer = {
    ...writer,
    transaction: (work) =>
      writer.transaction(async (sql) => {
        const page = await sql.get<{ textHash: string; parserVersion: string }>(
          `SELECT p."textHash", p."parserVersion" FROM "Page" p JOIN "Issue" i ON i."id" = p."issueId" JOIN "Publication" pub ON pub."id" = i."publicationId"
            WHERE pub."slug" = ? AND i."date" = ? AND p."number" = ?`,
          [source.publication.slug, source.date, source.pageNumber],
        );
        before = page ?? null;
        const result = (await work(sql)) as PageWriteResult;
        if (result.status !== "unchanged") {
          const after = await sql.get<{ textHash: string; parserVersion: string }>(`SELECT "textHash", "parserVersion" FROM "Page" WHERE "id" = ?`, [result.pageId]);
          await recordRevision(sql, { entityType: "Page", entityId: result.pageId, action: "ingest", before, after, actor: actor.name });
          await sql.run(`UPDATE "ApiKey" SET "lastUsedAt" = ? WHERE "id" = ?`, [nowIso(), actor.id]);
        }
        return result as never;
      }),
  };
  try {
    return { value: await ingestPage(recording, source, `${source.publication.slug}/${source.date}/page-${labelOfPageNumber(source.pageNumber)}`), errors: [] };
  } catch (error) {
    if (error instanceof PageInputError) return fail("INVALID_INPUT", `The text cannot be ingested: ${error.reason}.`, "input.text");
    throw error;
  }
}
