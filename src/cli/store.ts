/**
 * Opening the database from a command-line tool: a file the store refuses (damaged, not SQLite, from a newer
 * Dispatch) is said in a sentence and the tool exits 2, with the file left as it was.
 */
import { DatabaseError } from '../store/db.ts';
import { openStore, type Store } from '../store/index.ts';
import { err } from './output.ts';

/** Opens the store at `path`, or says in a sentence why not and exits 2. */
export function openStoreOrExit(path: string): Store {
  try {
    return openStore(path);
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    err(error.message);
    process.exit(2);
  }
}
