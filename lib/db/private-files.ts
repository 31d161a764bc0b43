// The SQLite database holds everything the console knows (users' password hashes, API keys,
// contacts' phone numbers): the data directory is the owner's only (0700) and the files too (0600),
// also when they already existed with wider modes. SQLite creates the -wal and -shm files with the
// database file's own mode, so the file is made private before SQLite first opens it.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { dataDir } from "../config";

const SIDE_FILES = ["", "-wal", "-shm", "-journal"];

function chmodIfThere(file: string, mode: number) {
  try {
    chmodSync(file, mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}

/**
 * Creates (or narrows) the database's files before SQLite opens them, and its directory when the
 * console made it or it is the data directory (IM_DATA_DIR) — a DATABASE_URL pointing into some
 * shared directory doesn't get that directory's mode changed.
 */
export function privateSqliteFile(file: string): void {
  const dir = path.dirname(file);
  const existed = existsSync(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existed || path.resolve(dir) === dataDir()) chmodSync(dir, 0o700);
  closeSync(openSync(file, "a", 0o600));
  for (const suffix of SIDE_FILES) chmodIfThere(`${file}${suffix}`, 0o600);
}
