import type { Dialect } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { variantsOf } from "../../search/normalise.ts";
import { escapeLike, type SearchTerm } from "../../search/query.ts";

/**
 * Joins "Article" a and requires each one-character term in one of the article's fields ("s"
 * has the hit's "key" and "articleId"). On PostgreSQL the term is looked for in the normalised
 * text of the article's search row (see phraseText), one `strpos` where the fields take a LIKE
 * each for every variant of the character and a probe of "Photo"; those remain for an article of
 * several chunks, whose rows hold no text.
 */
export function charJoin(terms: SearchTerm[], dialect: Dialect): Prisma.Sql {
  if (terms.length === 0) return Prisma.empty;
  const conditions = terms.map((term) => {
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
    const inFields = Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
    if (dialect === "sqlite") return inFields;
    return Prisma.sql`COALESCE((SELECT strpos(c."text", ${term.normalised}) > 0 FROM "ArticleSearchText" c WHERE c."key" = s."key" AND c."chunk" = 0 AND c."text" IS NOT NULL), ${inFields})`;
  });
  return Prisma.sql`JOIN "Article" a ON a."id" = s."articleId" AND ${Prisma.join(conditions, " AND ")}`;
}
