/**
 * Drift reaches refa only through src/drift/refa.ts, which requires it: an ES module import of refa's ~1 MB
 * CommonJS file makes Node lex the whole file for export names before it runs (40-120 ms per run that loads the
 * drift engine). A value import elsewhere in drift would bring that back; type-only imports are erased.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../util/project.js";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

test("drift › refa is required in one module, never imported as a value", async () => {
  const drift = path.join(REPO_ROOT, "src", "drift");
  const valueImports = sources(drift).filter((f) => /^import\s+(?!type\b)[^;]*from\s+"refa"/m.test(readFileSync(f, "utf8")));
  assert.deepEqual(valueImports, []);
  const own = readFileSync(path.join(drift, "refa.ts"), "utf8");
  assert.match(own, /createRequire\(import\.meta\.url\)\("refa"\)/);
  // The required module is refa itself: the same classes an import would give.
  const { DFA, JS } = await import("../../src/drift/refa.js");
  const parsed = JS.Parser.fromLiteral({ source: "^a+$", flags: "u" }).parse();
  assert.ok(typeof DFA.fromFA === "function" && parsed.expression.type === "Expression");
});
