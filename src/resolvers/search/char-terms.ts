import type { Dialect } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { variantsOf } from "../../search/normalise.ts";
import { escapeLike, type SearchTerm } from "../../search/query.ts";

/**
 * Keeps the hits ("s", with their "key" and "articleId") whose article holds each one-character
 * term in one of its fields. SQLite joins "Article" a with a LIKE on each field and caption for
 * every variant of the character. PostgreSQL looks for the term in the normalised text of the
 * article's search row (see phraseText), one `strpos`, in a lateral subquery whose LIMIT keeps
 * it a subquery run row by row on the hits (as a join, the planner hashed the whole table); the LIKEs
 * remain for an article of several chunks, whose rows hold no text.
 */
export function charJoin(terms: SearchTerm[], dialect: Dialect): Prisma.Sql {
  if (terms.length === 0) return Prisma.empty;
  const inFields = terms.map((term) => {
    const alternatives = variantsOf(term.normalised).flatMap((variant) => {
      const pattern = `%${escapeLike(variant)}%`;
      const like = (column: string) => Prisma.sql`${Prisma.raw(column)} LIKE ${pattern} ESCAPE '\\'`;
      return [
        like(`a."kicker"`),
        like(`a."headline"`),
        like(`a."subheadline"`),
        like(`a."body"`),
        Prisma.sql`EXISTS (SELECT 1 FROM "Photo" p WHERE p."articleId" = a."id" AND p."caption" LIKE ${pattern} ESCAPE '\\')`,
      ];
    });
    return Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
  });
  const everyTerm = Prisma.join(inFields, " AND ");
  if (dialect === "sqlite") return Prisma.sql`JOIN "Article" a ON a."id" = s."articleId" AND ${everyTerm}`;
  const inText = Prisma.join(
    terms.map((term) => Prisma.sql`strpos(c."text", ${term.normalised}) > 0`),
    " AND ",
  );
  return Prisma.sql`CROSS JOIN LATERAL (SELECT 1 FROM "ArticleSearchText" c WHERE c."key" = s."key" AND c."chunk" = 0
    AND CASE WHEN c."text" IS NOT NULL THEN ${inText} ELSE EXISTS (SELECT 1 FROM "Article" a WHERE a."id" = s."articleId" AND ${everyTerm}) END LIMIT 1) checked`;
}
