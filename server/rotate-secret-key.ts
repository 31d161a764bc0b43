// `npm run secrets:rotate`: a new server key, and every API key sealed again under it
// (lib/secrets/server-key.ts). Run it with the console stopped, then start the console again: a
// running console holds the key it started with.
//   - IM_SECRET_KEY set: that is the new key; IM_SECRET_KEY_PREVIOUS must hold the old one(s).
//   - Otherwise (the data directory's key file): a new key is made; the old one is kept in the file
//     until every API key is sealed again, then dropped.
// Bundled by scripts/build-server.mjs into <distDir>/im-rotate-secret-key.mjs.
import { sealApiKeys } from "@/lib/api-keys/seal-keys";
import { config } from "@/lib/config";
import { closeDb, db } from "@/lib/db/client";
import { keyFile, loadServerKeys, newKeyText, readKeyFile, writeKeyFile } from "@/lib/secrets/server-key";

async function main() {
  const cfg = config();
  let fileLines: string[] | undefined;
  if (!process.env.IM_SECRET_KEY) {
    const file = keyFile();
    const old = readKeyFile(file) ?? [];
    fileLines = [newKeyText(), ...old];
    writeKeyFile(file, fileLines, true);
    console.log(`[secrets] a new server key is in ${file}; the old one stays there until every API key is sealed again`);
  } else if (!process.env.IM_SECRET_KEY_PREVIOUS) {
    console.log("[secrets] IM_SECRET_KEY_PREVIOUS is empty: keys sealed with an older key can't be opened, only reported");
  }
  const keys = loadServerKeys(process.env, cfg.databaseProvider === "postgresql");
  const { sealed, unreadable } = await sealApiKeys(db(), keys);
  console.log(`[secrets] sealed ${sealed} API key${sealed === 1 ? "" : "s"} under the new key`);
  if (unreadable.length) {
    console.error(`[secrets] ${unreadable.length} API key(s) could not be opened with any key given, and won't work: ${unreadable.join(", ")}`);
    process.exitCode = 1;
  } else if (fileLines) {
    writeKeyFile(keyFile(), [fileLines[0]], true);
    console.log("[secrets] the old key is gone from the key file");
  }
  await closeDb();
}

main().catch((e: unknown) => {
  console.error("[secrets] rotation failed", e);
  process.exit(1);
});
