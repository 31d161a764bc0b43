// Writes the HTTP status of each error of an AWS Smithy model (its `smithy.api#httpError` trait)
// as a small JSON table. The botocore models in ../shared/reference leave these out for
// ssm-contacts, and AWS answers with them, so the wire layer reads the table
// (lib/im/model/ssm-contacts.errors.json). Run it on the Smithy model from aws/aws-sdk-js-v3
// (codegen/sdk-codegen/aws-models/ssm-contacts.json):
//   node scripts/extract-smithy-errors.mjs path/to/ssm-contacts.json "aws/aws-sdk-js-v3@<commit>" > lib/im/model/ssm-contacts.errors.json
import { readFileSync } from "node:fs";

const [file, source] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/extract-smithy-errors.mjs <smithy model .json> [source]");
  process.exit(2);
}
const model = JSON.parse(readFileSync(file, "utf8"));
const errors = {};
for (const [id, shape] of Object.entries(model.shapes).sort(([a], [b]) => a.localeCompare(b))) {
  const fault = shape.traits?.["smithy.api#error"];
  if (!fault) continue;
  // Smithy: an error without httpError is 400 when the client is at fault, 500 when the server is.
  const status = shape.traits["smithy.api#httpError"] ?? (fault === "client" ? 400 : 500);
  errors[id.slice(id.indexOf("#") + 1)] = { status, fault };
}
const table = {
  source: `${source ?? file}: each error's smithy.api#httpError (extracted by scripts/extract-smithy-errors.mjs)`,
  errors,
};
process.stdout.write(JSON.stringify(table, null, 2) + "\n");
