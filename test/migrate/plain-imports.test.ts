/**
 * A generated module's imports read without TypeScript (src/migrate/plain-imports.ts): where it answers, it names
 * every module the compiler's scanner names; every form it does not know sends the caller to that scanner.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { plainSpecifiers } from "../../src/migrate/plain-imports.js";
import { withoutComments } from "../../src/migrate/comments.js";
import { importClosure } from "../../src/migrate/imports.js";
import { cachedSpecifiers, plainFirst } from "../../src/migrate/typecheck-key.js";
import { InputError } from "../../src/errors.js";
import { REPO_ROOT, tempDir } from "../util/project.js";

const plain = (text: string): string[] | undefined => {
  const code = withoutComments(text);
  return code === undefined ? undefined : plainSpecifiers(code);
};

test("plain imports › the plain forms, in order, with comments and strings that only look like imports", () => {
  const given = [
    "// header: imports from \"./nope.js\"",
    "import { a, type B } from \"./a.js\";",
    "import type { C } from '../c.js';",
    "import * as d from \"./d.js\";",
    "import e, { f } from \"./e.js\";",
    "import type from \"./type.js\";",
    "import \"./side.js\";",
    "export { g } from \"./g.js\";",
    "export type { H } from \"./h.js\";",
    "export * from \"./i.js\";",
    "export * as j from \"./j.js\";",
    "export type * from \"./k.js\";",
    "export type{ L }from\"./l.js\";",
    "const s = \"import x from './string.js'\", t = 'export * from \"./t.js\"';",
    "/** export * from \"./comment.js\" */",
    "export const module = { require: 1, define: 2 };",
    "export { s, t };",
    "export interface Import { from: string }",
  ].join("\n");
  assert.deepEqual(plain(given), ["./a.js", "../c.js", "./d.js", "./e.js", "./type.js", "./side.js", "./g.js", "./h.js", "./i.js", "./j.js", "./k.js", "./l.js"]);
  assert.deepEqual(plain("export const x = 1;\n"), []);
});

test("plain imports › any other way to name a module is left to the compiler's scanner", () => {
  for (const given of [
    "export type T = typeof import(\"./a.js\");",
    "const m = await import(\"./a.js\");",
    "import a = require(\"./a.js\");",
    "export import a = require(\"./a.js\");",
    "const a = require(\"./a.js\");",
    "define([\"./a.js\"], () => 1);",
    "declare module \"./a.js\" { interface X { y: 1 } }",
    "declare module './a.js' {}",
    "\\u0069mport { a } from \"./a.js\";",
    "import { a } from \"./\\u0061.js\";",
    "import { \"a-b\" as a } from \"./a.js\";",
    "export { a }\nfrom(\"x\");",
    "export * \n;",
    "export * as \"a-b\" from \"./a.js\";",
    "export { \"a-b\" as c } from \"./a.js\";",
    "import type{ A }from\"./a.js\";",
    "const x = { import: 1 };",
    "const $import = 1;",
    "import.meta.url;",
    "/// <reference path=\"./a.d.ts\" />\nexport {};",
    "// @ts-nocheck\nimport { a } from \"./a.js\";",
    "const r = /import/;",
    "const t = `${1}`;",
  ]) {
    assert.equal(plain(given), undefined, given);
  }
});

/** Every `.ts` file under `dir`. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.join(e.parentPath, e.name));
}

test("plain imports › on every committed generated module and migration it answers for, it names what the compiler's scanner names", () => {
  let answered = 0;
  for (const file of [...tsFiles(path.join(REPO_ROOT, "generated")), ...tsFiles(path.join(REPO_ROOT, "schemas"))]) {
    const text = readFileSync(file, "utf8");
    const mine = plain(text);
    if (mine === undefined) continue;
    answered++;
    const info = ts.preProcessFile(text, true, true);
    assert.equal(info.referencedFiles.length + info.typeReferenceDirectives.length + info.libReferenceDirectives.length, 0, file);
    // As sets: the scanner does not name `export * as ns from "x"` (a module the program does read); this does.
    const theirs = new Set(info.importedFiles.map((f) => f.fileName));
    for (const spec of theirs) assert.ok(mine.includes(spec), `${file}: ${spec}`);
    for (const spec of mine) assert.ok(theirs.has(spec) || /export \* as \w+ from "[^"]+";/.test(text), `${file}: ${spec}`);
  }
  assert.ok(answered > 30, `answered ${answered}`);
});

test("plain imports › a generated module edited by hand to import another file brings that file into the chain", () => {
  const out = path.resolve("/p/generated");
  const root = path.join(out, "a", "upgrade.ts");
  const v1 = path.join(out, "a", "v1.ts");
  const extra = path.join(out, "a", "extra.ts");
  let scans = 0;
  const specifiers = plainFirst((text) => {
    scans++;
    return cachedSpecifiers(undefined, () => ts)(text);
  });
  const overlay = (v1Text: string) => new Map([[root, "import { a } from \"./v1.js\";\nexport const b = a;\n"], [v1, v1Text], [extra, "export const c = 1;\n"]]);
  assert.deepEqual([...importClosure(specifiers, root, overlay("export const a = 1;\n"))!.keys()].sort(), [v1, root].sort());
  assert.deepEqual([...importClosure(specifiers, root, overlay("import { c } from \"./extra.js\";\nexport const a = c;\n"))!.keys()].sort(), [extra, v1, root].sort());
  assert.equal(scans, 0, "plain generated modules need no scanner");
  // A form it does not read goes to the scanner.
  assert.deepEqual([...importClosure(specifiers, root, overlay("export type A = typeof import(\"./extra.js\");\nexport const a = 1;\n"))!.keys()].sort(), [extra, v1, root].sort());
  assert.equal(scans, 1);
});

test("plain imports › each clause is read once: 5 MB of unclosed or nested export lists is answered at once", () => {
  // Each `export {` used to read on to the far brace (quadratic: 1.6 MB took 185 s). Run in a child with a limit,
  // since a synchronous call cannot be interrupted here; any linear reading is far inside it.
  const module = new URL("../../src/migrate/plain-imports.js", import.meta.url).href;
  const cases: [string, string][] = [
    ['"export {a ".repeat(500000)', "undefined"],
    ['"export {a ".repeat(500000) + "}"', "[]"],
    ['"import {a ".repeat(500000) + "}"', "undefined"],
    ['"export { a } from \\"./x.js\\";\\n".repeat(200000)', "200000"],
  ];
  for (const [expr, expected] of cases) {
    const program = `import { plainSpecifiers } from ${JSON.stringify(module)}; const r = plainSpecifiers(${expr}); console.log(r === undefined ? "undefined" : r.length === 0 ? "[]" : String(r.length));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8", timeout: 60_000 });
    assert.equal(run.error, undefined, `${expr}: did not finish within 60 s`);
    assert.equal(run.stdout.trim(), expected, `${expr}: ${run.stderr}`);
  }
});

test("plain imports › a dependency that is not a regular file is an input error naming it as the project shows it", () => {
  const dir = tempDir("llm-contracts-closure-");
  const root = path.join(dir, "migrations", "v1-to-v2.ts");
  const helper = path.join(dir, "migrations", "helper.ts");
  mkdirSync(path.dirname(root), { recursive: true });
  writeFileSync(root, 'import { h } from "./helper.js";\nexport const b = h;\n');
  execFileSync("mkfifo", [helper]);
  const specifiers = plainFirst(cachedSpecifiers(undefined, () => ts));
  const shown = (abs: string): string => path.relative(dir, abs);
  assert.throws(
    () => importClosure(specifiers, root, new Map(), new Map(), shown),
    (e: unknown) => e instanceof InputError && e.diagnostic.file === "migrations/helper.ts" && e.diagnostic.message === "not a regular file",
  );
});
