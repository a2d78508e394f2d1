import { Prisma } from "../../generated/prisma/client.ts";
import { variantsOf } from "../../search/normalise.ts";
import { escapeLike, type SearchTerm } from "../../search/query.ts";

/** Joins "Article" a and requires each one-character term in one of the article's fields. */
export function charJoin(terms: SearchTerm[]): Prisma.Sql {
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
    return Prisma.sql`(${Prisma.join(alternatives, " OR ")})`;
  });
  return Prisma.sql`JOIN "Article" a ON a."id" = s."articleId" AND ${Prisma.join(conditions, " AND ")}`;
}
