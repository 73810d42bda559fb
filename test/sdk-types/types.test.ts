import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "../util/project.js";
import { MODULE_SETTINGS, STRICT_FLAGS } from "../util/strict.js";

/**
 * A consumer project over the committed generated/: each fixture in test/fixtures/sdk-types assigns the generated
 * constants to the real SDK packages' parameter types (openai, @anthropic-ai/sdk, @google/genai,
 * @modelcontextprotocol/sdk, ai, @openai/agents, @standard-schema/spec, zod), under the strict flags.
 * The SDKs' own declaration files are not ours to check (skipLibCheck); everything else is.
 */
const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "sdk-types");
const GENERATED = path.join(REPO_ROOT, "generated", "index.ts");

const OPTIONS: ts.CompilerOptions = {
  ...STRICT_FLAGS,
  ...MODULE_SETTINGS.nodenext,
  noUnusedLocals: true,
  skipLibCheck: true,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: ["node"],
};

const fixtures = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith(".ts")).sort() : [];

test("sdk-types › one fixture per SDK", () => {
  assert.deepEqual(fixtures, ["anthropic.ts", "gemini.ts", "mcp.ts", "openai.ts", "standard.ts"]);
});

test("sdk-types › fixtures assign without a cast (no `as`, no `<T>` assertion, no `any`)", () => {
  for (const f of fixtures) {
    const source = ts.createSourceFile(f, readFileSync(path.join(FIXTURES, f), "utf8"), ts.ScriptTarget.ES2022, true);
    const casts: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node) || node.kind === ts.SyntaxKind.AnyKeyword) {
        casts.push(node.getText(source));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    assert.deepEqual(casts, [], `${f} must not cast`);
  }
});

if (!existsSync(GENERATED)) {
  test("sdk-types › type-check", (t) => t.skip("generated/ has not been built in this checkout (run `npm start`)"));
} else {
  test("sdk-types › every SDK fixture type-checks against the real packages over generated/", () => {
    const program = ts.createProgram(fixtures.map((f) => path.join(FIXTURES, f)), OPTIONS);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      if (d.file === undefined || d.start === undefined) return text;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${path.relative(REPO_ROOT, d.file.fileName)}:${line + 1}:${character + 1}: ${text}`;
    });
    assert.deepEqual(errors, []);
    // The packages were really resolved (not silently `any` from a missing module).
    const resolved = program.getSourceFiles().map((s) => s.fileName);
    for (const pkg of ["openai", "@anthropic-ai/sdk", "@google/genai", "@modelcontextprotocol/sdk", "ai", "@openai/agents-core", "@standard-schema/spec", "zod"]) {
      assert.ok(resolved.some((f) => f.includes(`/node_modules/${pkg}/`)), `${pkg} was not loaded`);
    }
  });
}
