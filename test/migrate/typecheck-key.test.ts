/**
 * The migration type-check's key (src/migrate/typecheck-key.ts): annotation-only edits of the generated modules
 * keep it, unless a file of the user's can reach the annotations kept as values; every type edit and every edit
 * of a user's file or a root changes it. The import scan is cached so that a hit loads no TypeScript.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import ts from "typescript";
import { ChainKeys, cachedSpecifiers } from "../../src/migrate/typecheck-key.js";
import { CacheStore } from "../../src/cache/store.js";
import { tempDir } from "../util/project.js";
import { STRICT_FLAGS } from "../../src/emit/codegen/strict.js";

const OUT = path.resolve("/p/generated");
const V2 = path.join(OUT, "a", "v2.ts");
const ROOT = path.join(OUT, "a", "upgrade.ts");
const MIGRATION = path.resolve("/p/schemas/a/migrations/v1-to-v2.ts");

function versionModule(description: string, type = "string", hash = "0".repeat(64)): string {
  return [
    "export interface AV2 {",
    `  /** ${description} */`,
    `  title: ${type};`,
    "}",
    "",
    "const canonical = {",
    "  type: \"object\",",
    "  title: \"A\",",
    "  properties: {",
    "    title: {",
    "      type: \"string\",",
    `      description: ${JSON.stringify(description)}`,
    "    }",
    "  }",
    "} as const;",
    "export const AV2Schema = canonical;",
    `export const AV2Hash = "sha256:${hash}";`,
    "export const AV2Meta = {",
    `  hash: "sha256:${hash}",`,
    "} as const;",
    "",
  ].join("\n");
}

const MIGRATE = "import type { AV2 } from \"../../../generated/a/v2.js\";\nexport const m = (x: AV2): AV2 => x;\n";
const UPGRADE = "import { m } from \"../../schemas/a/migrations/v1-to-v2.js\";\nexport const steps = [m];\n";

function key(v2: string, migration = MIGRATE, upgrade = UPGRADE): string {
  return new ChainKeys(OUT).parts(new Map([[ROOT, upgrade], [V2, v2], [MIGRATION, migration]])).join("\n");
}

test("typecheck key › an annotation-only edit of a version module keeps the key", () => {
  const base = key(versionModule("Short title.", "string", "1".repeat(64)));
  assert.equal(key(versionModule("Short title (edited).", "string", "2".repeat(64))), base);
});

test("typecheck key › a type edit, a user's file or a root changes it", () => {
  const base = key(versionModule("Short title."));
  assert.notEqual(key(versionModule("Short title.", "\"a\" | \"b\"")), base);
  assert.notEqual(key(versionModule("Short title."), `${MIGRATE}// a comment of the user's moves no line but is kept\n`), base);
  assert.notEqual(key(versionModule("Short title."), MIGRATE, `/** root */\n${UPGRADE}`), base);
});

test("typecheck key › a user's file that can reach the schema constant keeps annotations in the key", () => {
  for (const reach of [
    "import { AV2Schema } from \"../../../generated/a/v2.js\";\nexport const d: \"Short title.\" = AV2Schema.properties.title.description;\n",
    "import * as v2 from \"../../../generated/a/v2.js\";\nexport type All = (typeof v2)[keyof typeof v2];\n",
    "export type T = typeof import(\"../../../generated/a/v2.js\");\n",
    "export * from \"../../../generated/a/v2.js\";\n",
    "import v2 = require(\"../../../generated/a/v2.js\");\nexport type All = (typeof v2)[keyof typeof v2];\n",
    "import { AV2Meta } from \"../../../generated/a/v2.js\";\nexport const h = AV2Meta.hash;\n",
  ]) {
    assert.notEqual(key(versionModule("Short title."), reach), key(versionModule("Short title (edited)."), reach), reach);
  }
});

test("typecheck key › a literal `title` type above the schema constant is never left out", () => {
  const typed = (t: string) => versionModule("Same.").replace("  title: string;", `  meta: { title: ${JSON.stringify(t)} };`);
  assert.notEqual(key(typed("x")), key(typed("y")));
  // Nor a hash-shaped literal type.
  const hashed = (h: string) => versionModule("Same.").replace("  title: string;", `  hash: "sha256:${h}";`);
  assert.notEqual(key(hashed("a".repeat(64))), key(hashed("b".repeat(64))));
});

test("typecheck key › import specifiers come from the cache after the first scan, without TypeScript", () => {
  const store = new CacheStore(tempDir("llm-contracts-tckey-"), "tool");
  let loads = 0;
  const load = (): typeof ts => {
    loads++;
    return ts;
  };
  const text = "import { a } from \"./a.js\";\nimport type { B } from \"../b.js\";\nexport * from \"./c.js\";\n";
  assert.deepEqual(cachedSpecifiers(store, load)(text), ["./a.js", "../b.js", "./c.js"]);
  assert.equal(loads, 1);
  assert.deepEqual(cachedSpecifiers(store, load)(text), ["./a.js", "../b.js", "./c.js"]);
  assert.equal(cachedSpecifiers(store, load)("/// <reference path=\"x.d.ts\" />\nexport {};\n"), undefined);
  assert.equal(cachedSpecifiers(store, load)("/// <reference path=\"x.d.ts\" />\nexport {};\n"), undefined);
  assert.equal(loads, 2);
  // A version module whose annotations alone changed is scanned once.
  const before = loads;
  const withImports = (d: string) => `import type { X } from "../_runtime/types.js";\n${versionModule(d)}`;
  assert.deepEqual(cachedSpecifiers(store, load)(withImports("One.")), ["../_runtime/types.js"]);
  assert.deepEqual(cachedSpecifiers(store, load)(withImports("Two.")), ["../_runtime/types.js"]);
  assert.equal(loads, before + 1);
  // Without a store every scan loads (the loader is the caller's memo).
  assert.deepEqual(cachedSpecifiers(undefined, load)(text), ["./a.js", "../b.js", "./c.js"]);
  assert.equal(loads, before + 2);
});

test("typecheck key › the strict flags it is keyed with name the compiler's ES2022 target without loading it", () => {
  assert.equal(STRICT_FLAGS.target, ts.ScriptTarget.ES2022);
});

/** `versionModule` with `examples` and `$comment` in its schema constant, and `extra` lines at the constant's top. */
function withExamples(examples: string, comment: string, extra: readonly string[] = []): string {
  return versionModule("Short title.").replace(
    "  title: \"A\",\n",
    ["  title: \"A\",", `  $comment: ${JSON.stringify(comment)},`, ...extra, "  examples: [", examples, "  ],", ""].join("\n"),
  );
}

test("typecheck key › an edit of `examples` or `$comment` in the schema constant keeps the key", () => {
  const nested = (s: string) => `    {\n      name: ${JSON.stringify(s)},\n      tags: [\n        "]\\"[",\n        [1, [2]]\n      ]\n    }`;
  const base = key(withExamples(nested("one ] [ \" "), "A comment."));
  assert.equal(key(withExamples(nested("two"), "A comment, edited.")), base);
  assert.equal(key(withExamples(`    ${JSON.stringify("examples: [")}`, "A comment.")), base, "a bracket inside a string is skipped");
  assert.equal(key(withExamples("", "A comment.").replace("  examples: [\n\n  ],", "  examples: [],")), base);
});

test("typecheck key › `examples` and `$comment` stay in the key where a user's file can reach the constant, or a bracket does not match", () => {
  const reach = "import { AV2Schema } from \"../../../generated/a/v2.js\";\nexport const e = AV2Schema.examples;\n";
  assert.notEqual(key(withExamples("    1", "A."), reach), key(withExamples("    2", "A."), reach));
  assert.notEqual(key(withExamples("    1", "A."), reach), key(withExamples("    1", "B."), reach));
  // An unmatched bracket leaves the constant as it is: the edit is seen.
  const open = (s: string) => withExamples(`    ${s}`, "A.", ["  x: [", "    \"unclosed\","]).replace("  examples: [", "  examples: [[");
  assert.notEqual(key(open("1")), key(open("2")));
});

test("typecheck key › a type change behind a property named like an annotation changes the key", () => {
  const typed = (type: string) =>
    versionModule("Same.").replace("  title: string;", `  title: string;\n  examples: ${type};`).replace("    title: {", `    examples: {\n      type: ${JSON.stringify(type)}\n    },\n    title: {`);
  assert.notEqual(key(typed("string")), key(typed("number")));
});
