/**
 * The JavaScript flavour compiles each module from its own text (src/emit/javascript/isolated.ts). These tests hold
 * it to the whole-program compile it replaced (program.ts, still the fallback): the same bytes for every module, on
 * the bundled contracts with their migrations and on a project `init` writes; a memo (the cache) that returns
 * anything at all never changes an output.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compileProject } from "../../../src/api/compile.js";
import { resolveProject } from "../../../src/config/config.js";
import { chainSources } from "../../../src/migrate/files.js";
import { emitIsolated, type EmitInput, type ModuleMemo } from "../../../src/emit/javascript/isolated.js";
import { emitWithProgram } from "../../../src/emit/javascript/program.js";
import { javascriptPlan } from "../../../src/emit/javascript/index.js";
import { copyOfExamples, runCli, tempDir } from "../../util/project.js";

async function inputOf(dir: string): Promise<{ input: EmitInput; plan: Awaited<ReturnType<typeof compileProject>>["plan"]; migrations: Map<string, string>; project: ReturnType<typeof resolveProject> }> {
  const project = resolveProject({ cwd: dir });
  const compiled = await compileProject(project, {});
  assert.deepEqual(compiled.problems, []);
  const norm = (f: string): string => path.resolve(f);
  const sources = new Map<string, string>();
  for (const [rel, text] of compiled.plan) if (rel.endsWith(".ts")) sources.set(norm(path.join(project.outDir, rel)), text);
  const migrations = new Map([...chainSources(project, compiled)].filter(([file]) => !file.startsWith(project.outDir)));
  for (const [file, text] of migrations) sources.set(norm(file), text);
  const moved = (js: string): string | undefined =>
    migrations.has(js.replace(/\.js$/, ".ts")) ? path.join(project.outDir, "_migrations", path.relative(project.rootDir, js)) : undefined;
  const input: EmitInput = { sources, norm, relocate: moved, withoutDeclarations: (f) => f.endsWith(".validate.ts") || migrations.has(f) };
  return { input, plan: compiled.plan, migrations, project };
}

function emitBoth(input: EmitInput): { isolated: Map<string, string>; program: Map<string, string>; ok: boolean } {
  const isolated = new Map<string, string>();
  const program = new Map<string, string>();
  const ok = emitIsolated(input, (f, t) => isolated.set(path.resolve(f), t));
  emitWithProgram(input, (f, t) => program.set(path.resolve(f), t));
  return { isolated, program, ok };
}

/** The outputs the flavour keeps: every module's .js, and .d.ts except a validator's (fixed text) and a migration's. */
function kept(map: Map<string, string>, input: EmitInput): Map<string, string> {
  return new Map([...map].filter(([f]) => f.endsWith(".js") || !input.withoutDeclarations(f.replace(/\.d\.ts$/, ".ts"))));
}

for (const [name, make] of [
  ["the bundled contracts, with their migrations", () => copyOfExamples()],
  ["a project init writes", () => {
    const dir = tempDir("llm-contracts-isolated-init-");
    assert.equal(runCli(["init"], dir).code, 0);
    return dir;
  }],
] as const) {
  test(`emit js › ${name}: each module compiled on its own is byte for byte what one program emits`, async () => {
    const { input } = await inputOf(make());
    const { isolated, program, ok } = emitBoth(input);
    assert.equal(ok, true, "no module needed the whole program");
    assert.ok(isolated.size > 20, `${isolated.size} outputs`);
    assert.deepEqual([...kept(isolated, input)].sort(), [...kept(program, input)].sort());
  });
}

test("emit js › a memo that returns anything never changes the plan; a memo filled by one run serves the next", async () => {
  const dir = tempDir("llm-contracts-isolated-memo-");
  assert.equal(runCli(["init"], dir).code, 0);
  const { plan, migrations, project } = await inputOf(dir);
  assert.equal(project.emit, "js");
  const reference = javascriptPlan(project, plan, migrations);
  const stored = new Map<string, unknown>();
  const recording: ModuleMemo = { get: (k) => stored.get(k), set: (k, v) => void stored.set(k, v) };
  assert.deepEqual(javascriptPlan(project, plan, migrations, recording), reference);
  assert.ok(stored.size > 10, `${stored.size} modules remembered (the runtime copies come from the shipped table)`);
  let asked = 0;
  const served: ModuleMemo = { get: (k) => (asked++, stored.get(k)), set: () => assert.fail("a filled memo is not written again") };
  assert.deepEqual(javascriptPlan(project, plan, migrations, served), reference);
  assert.equal(asked, stored.size);
  for (const junk of [null, 42, "text", [], {}, { js: 1 }, { js: "x", dts: 2 }, { dts: "only" }]) {
    const hostile: ModuleMemo = { get: () => junk, set: () => undefined };
    assert.deepEqual(javascriptPlan(project, plan, migrations, hostile), reference, JSON.stringify(junk));
  }
  // A well-shaped entry is trusted only under its own key: a key is a hash of the module's path, text and options.
  const keys = [...stored.keys()];
  assert.equal(new Set(keys).size, keys.length);
  assert.ok(keys.every((k) => /^[0-9a-f]{64}$/.test(k)));
});

test("emit js › a migration that re-exports an imported name compiles alike both ways (verbatimModuleSyntax: kept as written)", async () => {
  const dir = copyOfExamples();
  const file = path.join(dir, "schemas/ticket-triage/migrations/v1-to-v2.ts");
  writeFileSync(file, `${readFileSync(file, "utf8")}\nimport { isTicketTriageV1 as isOld } from "../../../generated/ticket-triage/v1.js";\nexport { isOld };\n`);
  const { input } = await inputOf(dir);
  const { isolated, program, ok } = emitBoth(input);
  assert.equal(ok, true);
  assert.deepEqual([...kept(isolated, input)].sort(), [...kept(program, input)].sort());
  const migration = [...isolated].find(([f]) => f.endsWith(path.join("schemas", "ticket-triage", "migrations", "v1-to-v2.js")));
  assert.match(migration?.[1] ?? "", /export \{ isOld \};/);
});
