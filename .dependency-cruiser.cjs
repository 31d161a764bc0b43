// The import rules of the layout (README, "Layout"; CONTRIBUTING.md). `npm run check:imports`
// runs them, and `npm test` runs that. From the top down, each layer imports only layers below it:
//   app/, server/  →  components/  →  lib/console/  →  lib/wire/  →  lib/bootstrap/
//   →  lib/auth, lib/api-keys, lib/users  →  lib/im/  →  lib/jobs, lib/notify, lib/live, lib/db, lib/secrets, lib/config
/** @type {import('dependency-cruiser').IConfiguration} */

const layers = {
  entry: "^(app|server)/|^(instrumentation|proxy)\\.ts$",
  components: "^components/",
  console: "^lib/console/",
  wire: "^lib/wire/",
  bootstrap: "^lib/bootstrap/",
  identity: "^lib/(auth|api-keys|users)/",
  im: "^lib/im/",
  ground: "^lib/(jobs|notify|live|db|secrets)/|^lib/config\\.ts$",
};

/** A rule that `from` imports nothing of the layers `above` it. */
const below = (name, from, above, comment) => ({
  name,
  severity: "error",
  comment,
  from: { path: from },
  to: { path: above.map((l) => `(${layers[l]})`).join("|") },
});

module.exports = {
  forbidden: [
    below("no-import-of-entry-points", "^(components|lib)/", ["entry"], "app/ and server/ are the top: nothing imports them."),
    below("components-above-lib", layers.components, ["entry"], "components/ import lib/console, not routes."),
    {
      name: "components-only-through-console",
      severity: "error",
      comment:
        "The UI reaches the services only through lib/console (actions, reads, schemas, DTOs, keys, paths); " +
        "it may name lib/im's and lib/auth's types, ask lib/auth/permissions what to hide and lib/auth/paths where sign-in is.",
      from: { path: layers.components },
      to: { path: "^lib/", pathNot: "^lib/console/|^lib/auth/(permissions|paths)\\.ts$|^lib/(im|auth)/" },
    },
    {
      name: "components-only-types-of-im-and-auth",
      severity: "error",
      comment: "Components may import lib/im's and lib/auth's types (import type), never their code (but for permissions and paths, above).",
      from: { path: layers.components },
      to: { path: "^lib/im/|^lib/auth/", pathNot: "^lib/auth/(permissions|paths)\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    below("console-below-ui", layers.console, ["entry", "components"], "lib/console serves the UI; it never imports it."),
    below("wire-below-console", layers.wire, ["entry", "components", "console"], "The wire layer speaks AWS's protocols over the services, not the console."),
    below("bootstrap-below-wire", layers.bootstrap, ["entry", "components", "console", "wire"], "lib/bootstrap builds the services; only layers above it import it."),
    below("identity-below-bootstrap", layers.identity, ["entry", "components", "console", "wire", "bootstrap"], "Sessions, permissions, API keys and users sit below the entry module."),
    below("im-below-identity", layers.im, ["entry", "components", "console", "wire", "bootstrap", "identity"], "lib/im holds the services only: the contract and its two implementations."),
    below("ground-floor", layers.ground, ["entry", "components", "console", "wire", "bootstrap", "identity", "im"], "The ground floor (jobs, notify, live, db, config) imports nothing above it."),
    {
      name: "implementations-apart",
      severity: "error",
      comment: "The local and the AWS implementation never import each other.",
      from: { path: "^lib/im/(local|aws)/" },
      to: { path: "^lib/im/(local|aws)/", pathNot: "^lib/im/$1/" },
    },
    {
      name: "engine-passed-in",
      severity: "error",
      comment: "incidents/ and contacts/ reach the engine through their context (EngagementEngine), never by import: the engine depends on both.",
      from: { path: "^lib/im/local/(incidents|contacts)/" },
      to: { path: "^lib/im/local/engine/" },
    },
    {
      name: "services-apart",
      severity: "error",
      comment: "The local ssm-incidents and ssm-contacts models don't import each other.",
      from: { path: "^lib/im/local/(incidents|contacts)/" },
      to: { path: "^lib/im/local/(incidents|contacts)/", pathNot: "^lib/im/local/$1/" },
    },
    {
      name: "ui-primitives-have-no-domain",
      severity: "error",
      comment: "components/ui holds primitives without domain words: it imports no domain's components or console code.",
      from: { path: "^components/ui/" },
      to: { path: "^components/(?!ui/)|^lib/console/(?!core/)" },
    },
    {
      name: "console-core-has-no-domain",
      severity: "error",
      comment: "lib/console/core holds the wrappers, the result type and the client error module, for every domain.",
      from: { path: "^lib/console/core/" },
      to: { path: "^lib/console/(?!core/)" },
    },
    {
      name: "no-folder-cycles",
      severity: "error",
      comment: "Folders import each other one way only.",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-module-cycles",
      severity: "error",
      comment: "Files import each other one way only.",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "Every import resolves.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/db/generated/|node_modules|\\.test\\.tsx?$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    skipAnalysisNotInRules: true,
  },
};
