/**
 * Lints the shared tool-schema corpus (../shared/corpus/tool-schemas/*.jsonl, `normalized` field, sent under its
 * `tool_name`) against every profile and prints, per profile, how many schemas it would reject (any `error`
 * finding) and the rule ids that reject the most schemas. Run: `node dist/test/lint/corpus-report.js [file.jsonl]`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isJsonObject, type JsonObject } from "../../src/ir/json.js";
import { lintSchema } from "../../src/lint/engine.js";
import { PROFILE_IDS, PROFILES } from "../../src/lint/profiles/index.js";
import { REPO_ROOT } from "../util/project.js";

const file = process.argv[2] ?? path.join(REPO_ROOT, "..", "shared", "corpus", "tool-schemas", "tool-schemas.A.jsonl");
if (!existsSync(file)) {
  console.error(`corpus not found: ${file}`);
  process.exit(2);
}
const records = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as { id: string; dataset: string; tool_name: string | null; normalized: unknown });

const started = Date.now();
console.log(`${records.length} schemas from ${path.basename(file)}`);
console.log("profile           rejected   (%)    warned   top rules (schemas rejected by each)");
for (const profile of PROFILE_IDS) {
  let rejected = 0;
  let warned = 0;
  const byRule = new Map<string, number>();
  for (const r of records) {
    if (!isJsonObject(r.normalized)) continue;
    const findings = lintSchema({ name: r.tool_name ?? "tool", kind: "tool-arguments", schema: r.normalized as JsonObject }, PROFILES[profile]);
    const errorRules = new Set(findings.filter((f) => f.severity === "error").map((f) => f.ruleId));
    if (errorRules.size > 0) rejected++;
    else if (findings.length > 0) warned++;
    for (const id of errorRules) byRule.set(id, (byRule.get(id) ?? 0) + 1);
  }
  const top = [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([id, n]) => `${id} ${n}`).join(", ");
  const pct = ((100 * rejected) / records.length).toFixed(1).padStart(5);
  console.log(`${profile.padEnd(17)} ${String(rejected).padStart(8)} ${pct}%  ${String(warned).padStart(7)}   ${top}`);
}
console.log(`(${Date.now() - started} ms)`);
