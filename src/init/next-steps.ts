/** The text `init` prints after writing: what to run next, the import line, the pre-commit and CI snippets. */
import path from "node:path";
import type { InitPlan } from "./plan.js";

export function nextSteps(plan: InitPlan): string {
  const from = plan.layout.sourceDir;
  let spec = path.posix.relative(from, `${plan.outDir}/index.js`);
  if (!spec.startsWith(".")) spec = `./${spec}`;
  const where = plan.layout.tsconfig === undefined ? "a module at the project root" : `a file in ${from === "." ? "the project root" : `${from}/`}`;
  return `Next steps:
  1. npx llm-contracts build      # compiles ${plan.schemasDir}/ into ${plan.outDir}/ (${plan.emit === "js" ? "JavaScript + .d.ts" : "TypeScript"})
  2. npx llm-contracts check      # what CI and the pre-commit hook run: generated code fresh, examples, drift, lint
  3. npx llm-contracts publish    # when you release: locks the versions you ship (${plan.schemasDir}/published.lock.json);
                                  # check then fails on any change to them. Commit the lock with the release.
  4. import it, from ${where}:
       import { parseSupportReplyText, isLookupOrder } from "${spec}";

Keep ${plan.outDir}/ committed (check fails when it is stale) and add to package.json:
  "scripts": { "contracts:build": "llm-contracts build", "contracts:check": "llm-contracts check", "contracts:publish": "llm-contracts publish" }

pre-commit (.pre-commit-config.yaml):
  - repo: local
    hooks:
      - id: llm-contracts-check
        name: llm-contracts check
        entry: npx --no-install llm-contracts hook check
        language: system
        pass_filenames: true
        require_serial: true

GitHub Actions (a job's steps):
  - uses: actions/checkout@v4
    with: { fetch-depth: 0 }
  - uses: actions/setup-node@v4
    with: { node-version: 22, cache: npm }
  - run: npm ci
  - run: npx llm-contracts check      # also fails when a published version changed (no git history needed)
  - run: npx llm-contracts drift --against origin/main --format github`;
}
