/**
 * The runtime copies compiled ahead of time (src/emit/javascript/precompiled.ts): the shipped table is what the
 * package makes today, an entry is used only where compiling would give the same bytes, and a table of any other
 * shape or TypeScript is no table at all.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ts } from "../../../src/typescript.js";
import { RUNTIME_COPIES } from "../../../src/emit/modules/runtime.js";
import { emitIsolated, type EmitInput } from "../../../src/emit/javascript/isolated.js";
import { precompiledTable } from "../../../src/emit/javascript/precompile.js";
import { parsePrecompiled, precompiledModule, shippedPrecompiled, textKey } from "../../../src/emit/javascript/precompiled.js";
import { runtimeCopies, type RuntimeGroup } from "../../../src/emit/modules/runtime.js";
import { REPO_ROOT } from "../../util/project.js";

const SHIPPED = path.join(REPO_ROOT, "src/emit/javascript/precompiled.json");

test("precompiled › the shipped table is what the package makes today (else run: node scripts/precompile-runtime.mjs)", () => {
  assert.deepEqual(JSON.parse(readFileSync(SHIPPED, "utf8")), JSON.parse(JSON.stringify(precompiledTable())));
  const copies = Object.values(RUNTIME_COPIES).reduce((n, group) => n + group.length, 0);
  assert.equal(shippedPrecompiled().size, copies, "one usable entry per runtime copy");
});

/** Every runtime copy under `root`, as emitIsolated's input, with `moved` relocating some JavaScript files. */
function copiesUnder(root: string, moved: ReadonlyMap<string, string>): EmitInput {
  const sources = new Map<string, string>();
  for (const group of Object.keys(RUNTIME_COPIES) as RuntimeGroup[]) for (const [out, text] of runtimeCopies(group)) sources.set(path.join(root, out), text);
  return { sources, norm: (f) => path.resolve(f), relocate: (js) => moved.get(path.resolve(js)), withoutDeclarations: () => false };
}

function emitted(input: EmitInput, table: ReturnType<typeof shippedPrecompiled>): Map<string, string> {
  const out = new Map<string, string>();
  assert.equal(emitIsolated(input, (f, t) => out.set(path.resolve(f), t), undefined, table), true);
  return out;
}

test("precompiled › where an import moves, every copy compiles to the same bytes with or without the table", () => {
  const root = path.resolve("/project/generated");
  const table = shippedPrecompiled();
  // (Where nothing moves, the first test and test/emit/javascript/isolated.test.ts hold the table to the compiler.)
  // The rewriter points a moved module's importers at its new place: such modules must not come from the table.
  const moved = new Map([[path.join(root, "_sdk/result.js"), path.join(root, "_elsewhere/result.js")]]);
  const input = copiesUnder(root, moved);
  const withTable = emitted(input, table);
  assert.deepEqual(withTable, emitted(input, new Map()));
  assert.match(withTable.get(path.join(root, "_sdk/openai.js")) ?? "", /from "\.\.\/_elsewhere\/result\.js"/);
});

test("precompiled › an entry is refused when the module or one of its imports moves", () => {
  const table = shippedPrecompiled();
  const root = path.resolve("/p/generated");
  const file = path.join(root, "_sdk/result.ts");
  const text = runtimeCopies("sdk").get("_sdk/result.ts")!;
  assert.ok(precompiledModule(table, file, text, () => undefined), "nothing moves: the entry serves");
  assert.equal(precompiledModule(table, file, text, (js) => (js === path.join(root, "_runtime.js") ? "/p/x.js" : undefined)), undefined);
  assert.equal(precompiledModule(table, file, text, (js) => (js === path.join(root, "_sdk/result.js") ? "/p/x.js" : undefined)), undefined);
  assert.equal(precompiledModule(table, file, `${text}\n`, () => undefined), undefined, "other text, other key");
});

test("precompiled › a table of another TypeScript, other options or the wrong shape yields no entries", () => {
  const made = precompiledTable();
  const key = Object.keys(made.modules)[0]!;
  assert.equal(parsePrecompiled(made).size, Object.keys(made.modules).length);
  for (const junk of [null, 7, "x", [], {}, { ...made, typescript: `${ts.version}-other` }, { ...made, options: "{}" }, { ...made, modules: null }]) {
    assert.equal(parsePrecompiled(junk).size, 0, JSON.stringify(junk)?.slice(0, 60));
  }
  const entry = made.modules[key]!;
  for (const bad of [null, { ...entry, js: 1 }, { ...entry, dts: undefined }, { ...entry, imports: [1] }, { ...entry, imports: "./a.js" }, { ...entry, out: [] }]) {
    assert.equal(parsePrecompiled({ ...made, modules: { [key]: bad } }).size, 0, JSON.stringify(bad)?.slice(0, 60));
  }
  assert.equal(textKey("a"), textKey("a"));
  assert.notEqual(textKey("a"), textKey("b"));
});
