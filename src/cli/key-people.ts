import type { Writer } from "../db/writer.ts";
import type { Logger } from "../lib/logger.ts";
import { keyPeople } from "../loader/name-keys.ts";

/** Keys the people of a database migrated from before keys (src/loader/name-keys.ts), and says what it did. */
export async function keyPeopleOf(writer: Writer, log: Logger): Promise<void> {
  const { keyed, merged } = await keyPeople(writer);
  if (keyed > 0) log.info(`keyed ${keyed} people by their names in simplified characters, merging ${merged} printed in another script`);
}
