// Which person a printed name means, for ingest and for editors' credits alike. A person is
// found by the key of the name (src/ingest/person-key.ts), so that 吳建軍 on a Hong Kong page
// and 吴建军 on a mainland one are one person; the forms printed are kept as aliases.
import type { SqlRunner } from "../db/writer.ts";
import { personKey } from "../ingest/person-key.ts";
import { pinyinOf } from "../search/pinyin.ts";
import { insertRows, placeholders } from "./insert-rows.ts";

export interface NamedPeople {
  /** Each printed name's person. */
  ids: Map<string, number>;
  /** The names that were former names of renamed or merged people: editors' corrections kept. */
  formerNames: Set<string>;
}

type Person = { id: number; name: string };

/** A person's row as `Person` holds it, with its pinyin read from the key (單 as a surname is shan, as 单 is). */
export const personRow = (name: string) => {
  const nameKey = personKey(name);
  return { name, nameKey, pinyin: pinyinOf(nameKey) };
};

/**
 * The people of printed names, found in one read: a name means the person whose key it folds
 * to; failing that, the person it, or its key, is an alias of (a former name printed again).
 * Names that mean nobody make new people, one per key, named by the key when it was printed
 * and by the first form printed otherwise. Every form printed that is neither its person's name
 * nor an alias becomes an alias, except that a page printing a person's key takes it as the
 * person's name, the former name becoming the alias, unless an editor gave that name.
 * So the name is the plain simplified form once any page has printed it, whatever the order.
 */
export async function peopleByName(sql: SqlRunner, names: string[]): Promise<NamedPeople> {
  const ids = new Map<string, number>();
  const formerNames = new Set<string>();
  if (names.length === 0) return { ids, formerNames };
  const keys = [...new Set(names.map(personKey))];
  const aliasNames = [...new Set([...names, ...keys])];
  const found = await sql.all<{ kind: string; name: string; personId: number; personName: string | null }>(
    `SELECT 'key' AS "kind", "nameKey" AS "name", "id" AS "personId", "name" AS "personName" FROM "Person" WHERE "nameKey" IN ${placeholders(keys.length)}
     UNION ALL
     SELECT 'alias', "name", "personId", NULL FROM "PersonAlias" WHERE "name" IN ${placeholders(aliasNames.length)}`,
    [...keys, ...aliasNames],
  );
  const byKey = new Map<string, Person>();
  const aliases = new Map<string, number>();
  for (const row of found) {
    if (row.kind === "key") byKey.set(row.name, { id: Number(row.personId), name: row.personName! });
    else aliases.set(row.name, Number(row.personId));
  }
  const unknown: string[] = [];
  for (const name of names) {
    const key = personKey(name);
    const id = byKey.get(key)?.id ?? aliases.get(name) ?? aliases.get(key);
    if (id === undefined) {
      unknown.push(name);
      continue;
    }
    ids.set(name, id);
    // Found by an alias and not by its key: a renamed or merged person's former name.
    if (!byKey.has(key)) formerNames.add(name);
  }
  for (const person of await createPeople(sql, unknown)) byKey.set(personKey(person.name), person);
  for (const name of unknown) ids.set(name, byKey.get(personKey(name))!.id);
  await keepPrintedForms(sql, ids, byKey, aliases);
  return { ids, formerNames };
}

/** One new person per key among `names`, named by the key if printed, else by the first form printed. */
async function createPeople(sql: SqlRunner, names: string[]): Promise<Person[]> {
  if (names.length === 0) return [];
  const nameOfKey = new Map<string, string>();
  for (const name of names) {
    const key = personKey(name);
    if (!nameOfKey.has(key) || name === key) nameOfKey.set(key, name);
  }
  const rows = [...nameOfKey.values()].map(personRow);
  // A concurrent ingest may add the same person first: skip those rows, then read them.
  const created = await insertRows<Person & { nameKey: string }>(sql, "Person", rows, ["id", "name", "nameKey"], ["nameKey"]);
  const raced = rows.filter((row) => !created.some((person) => person.nameKey === row.nameKey)).map((row) => row.nameKey);
  const late = raced.length
    ? await sql.all<Person>(`SELECT "id", "name" FROM "Person" WHERE "nameKey" IN ${placeholders(raced.length)}`, raced)
    : [];
  return [...created, ...late].map((person) => ({ id: Number(person.id), name: person.name }));
}

/**
 * Stores the forms printed that their people do not have yet: as aliases, or, for a person
 * named in another form than its key, the key as the name (see peopleByName).
 */
async function keepPrintedForms(sql: SqlRunner, ids: Map<string, number>, byKey: Map<string, Person>, aliases: Map<string, number>): Promise<void> {
  const newAliases = new Map<string, number>();
  const renames: Person[] = [];
  for (const [name, id] of ids) {
    if (aliases.get(name) === id) continue;
    const person = byKey.get(personKey(name));
    // Found through an alias: a form of a former name not printed before.
    if (person?.id !== id) newAliases.set(name, id);
    else if (name === personKey(name) && person.name !== name) renames.push(person);
    else if (person.name !== name) newAliases.set(name, id);
  }
  const keepNames = await namedByEditors(sql, renames);
  for (const person of renames) {
    const key = personKey(person.name);
    if (keepNames.has(person.id)) {
      newAliases.set(key, person.id);
      continue;
    }
    await sql.run(`UPDATE "Person" SET "name" = ?, "pinyin" = ? WHERE "id" = ?`, [key, pinyinOf(key), person.id]);
    newAliases.set(person.name, person.id);
  }
  await insertRows(
    sql,
    "PersonAlias",
    [...newAliases].map(([name, personId]) => ({ name, personId })),
    [],
    ["name"],
  );
}

/** Those of `people` whose present name an editor gave them (renamePerson): a page printing another form does not change it. */
export async function namedByEditors(sql: SqlRunner, people: Person[]): Promise<Set<number>> {
  if (people.length === 0) return new Set();
  const renames = await sql.all<{ entityId: number; after: string }>(
    `SELECT "entityId", "after" FROM "Revision" WHERE "entityType" = 'Person' AND "action" = 'name' AND "entityId" IN ${placeholders(people.length)}`,
    people.map((person) => person.id),
  );
  const names = new Map(people.map((person) => [person.id, person.name]));
  return new Set(renames.filter((rename) => JSON.parse(rename.after) === names.get(Number(rename.entityId))).map((rename) => Number(rename.entityId)));
}

/**
 * Keeps names a person no longer bears (a rename's old name, a merged person's name) as its
 * aliases, with their keys where the person's own key does not find them, so that a page
 * printing any form of them finds the person. A name another person already holds stays theirs.
 */
export async function addFormerNames(sql: SqlRunner, person: Person, names: string[]): Promise<void> {
  const aliases = new Set(names);
  for (const name of names) if (personKey(name) !== personKey(person.name)) aliases.add(personKey(name));
  aliases.delete(person.name);
  await insertRows(
    sql,
    "PersonAlias",
    [...aliases].map((name) => ({ name, personId: person.id })),
    [],
    ["name"],
  );
}
