import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeProject, snapshotTree, tempDir } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { libCachingHost } from "../util/lib-cache.js";
import { spawnSync } from "node:child_process";
import ts from "typescript";

const read = (dir: string, rel: string): string => readFileSync(path.join(dir, rel), "utf8");
const contents = (dir: string): Map<string, string> =>
  new Map([...snapshotTree(dir)].map(([k, v]) => [k, v.slice(v.indexOf(":") + 1)]));

test("init › in an empty folder writes config and one contract of each kind, then build and check pass", async () => {
  const dir = tempDir("llm-contracts-init-");
  const r = await runCliHere(["init"], dir);
  assert.equal(r.code, 0, r.stderr);
  const config = JSON.parse(read(dir, "llm-contracts.config.json")) as Record<string, unknown>;
  assert.deepEqual(config, {
    $schema: "./node_modules/llm-contracts/src/config/config.schema.json",
    schemasDir: "schemas",
    outDir: "generated",
    emit: "js",
    toolsets: { support: ["lookup-order"] },
  });
  assert.equal(JSON.parse(read(dir, "schemas/support-reply/contract.json")).kind, "model-output");
  assert.equal(JSON.parse(read(dir, "schemas/lookup-order/contract.json")).kind, "tool-arguments");
  assert.match(r.stdout, /npx llm-contracts build/);
  assert.match(r.stdout, /import \{ parseSupportReplyText, isLookupOrder \} from "\.\/generated\/index\.js";/);
  assert.match(r.stdout, /pre-commit/);
  assert.match(r.stdout, /actions\/checkout/);
  const build = await runCliHere(["build"], dir);
  assert.equal(build.code, 0, build.stderr);
  assert.match(build.stdout, /built 2 contracts, 2 versions .* 8 golden example\(s\) passed/);
  assert.ok(existsSync(path.join(dir, "generated", "index.js")));
  // The toolset init wrote: one router and the per-provider tools arrays from the same list.
  assert.ok(existsSync(path.join(dir, "generated", "_toolsets", "support.js")));
  assert.match(read(dir, "generated/_toolsets/support.d.ts"), /createSupportRouter[\s\S]*SupportAnthropicTools[\s\S]*SupportMcpTools/);
  const check = await runCliHere(["check"], dir);
  assert.equal(check.code, 0, check.stderr + check.stdout);
});

test("init › the same project gets byte-identical files", async () => {
  const a = tempDir("llm-contracts-init-");
  const b = tempDir("llm-contracts-init-");
  assert.equal((await runCliHere(["init"], a)).code, 0);
  assert.equal((await runCliHere(["init"], b)).code, 0);
  assert.deepEqual(contents(b), contents(a));
  for (const [rel, text] of contents(a)) {
    assert.ok(!text.includes("\r"), rel);
    if (rel.endsWith(".json")) assert.ok(text.endsWith("}\n"), rel);
  }
});

test("init › refuses to overwrite a file (exit 2, naming it) and writes nothing; --force replaces", async () => {
  const dir = makeProject({ "schemas/lookup-order/v1.json": { type: "object" } });
  const before = snapshotTree(dir);
  const r = await runCliHere(["init"], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^schemas\/lookup-order\/v1\.json: already exists; init never overwrites a file .*\[init\.exists\]\n$/);
  assert.deepEqual(snapshotTree(dir), before);
  const forced = await runCliHere(["init", "--force"], dir);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /replaced schemas\/lookup-order\/v1\.json \(--force\)/);
  assert.equal(JSON.parse(read(dir, "schemas/lookup-order/v1.json")).title, "LookupOrder");
});

test("init › --schemas-dir and --out-dir choose the folders; a folder outside the project is a usage error", async () => {
  const dir = tempDir("llm-contracts-init-");
  const r = await runCliHere(["init", "--schemas-dir", "contracts", "--out-dir", "lib/contracts"], dir);
  assert.equal(r.code, 0, r.stderr);
  const config = JSON.parse(read(dir, "llm-contracts.config.json")) as Record<string, unknown>;
  assert.equal(config["schemasDir"], "contracts");
  assert.equal(config["outDir"], "lib/contracts");
  assert.ok(existsSync(path.join(dir, "contracts/support-reply/v1.json")));
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  assert.ok(existsSync(path.join(dir, "lib/contracts/index.js")));
  const bad = await runCliHere(["init", "--out-dir", "../elsewhere"], tempDir("llm-contracts-init-"));
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--out-dir must be a folder inside the project \[usage\.init-dir\]/);
});

for (const [label, tsconfig, sourceDir] of [
  ["rootDir src", { compilerOptions: { rootDir: "src", outDir: "dist" } }, "src"],
  ["include [app/**/*]", { compilerOptions: { outDir: "dist" }, include: ["app/**/*"] }, "app"],
  ["no rootDir, sources in src/ (inferred)", { compilerOptions: { outDir: "dist" } }, "src"],
] as const) {
  test(`init › tsconfig with ${label}: output and migrations go inside ${sourceDir}/, and the app compiles with its tsconfig`, async () => {
    const base = {
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        skipLibCheck: true,
        types: [],
        ...tsconfig.compilerOptions,
      },
      ...("include" in tsconfig ? { include: tsconfig.include } : {}),
    };
    const dir = makeProject({
      // tsconfig is JSON with comments: init must read it as tsc does.
      "tsconfig.json": `// the app's own settings\n${JSON.stringify(base, null, 2)}\n`,
      "package.json": { name: "app", type: "module", private: true },
      [`${sourceDir}/main.ts`]: `import { parseSupportReply, type SupportReply } from "./generated/index.js";\n` +
        `const r = parseSupportReply({ answer: "a", category: "bug", needs_human: false });\n` +
        `export const reply: SupportReply | undefined = r.ok ? r.value : undefined;\n`,
    });
    const r = await runCliHere(["init"], dir);
    assert.equal(r.code, 0, r.stderr);
    const config = JSON.parse(read(dir, "llm-contracts.config.json")) as Record<string, unknown>;
    assert.equal(config["outDir"], `${sourceDir}/generated`);
    assert.equal(config["emit"], undefined);
    const manifest = JSON.parse(read(dir, "schemas/support-reply/contract.json")) as Record<string, unknown>;
    assert.equal(path.posix.join("schemas/support-reply", manifest["migrationsDir"] as string), `${sourceDir}/migrations/support-reply`);
    assert.equal((await runCliHere(["build"], dir)).code, 0);
    // A second version: build scaffolds the migration inside the compiled folder, and the app still compiles.
    const v1 = JSON.parse(read(dir, "schemas/support-reply/v1.json")) as { properties: Record<string, unknown> };
    v1.properties["tone"] = { enum: ["formal", "casual"] };
    writeFileSync(path.join(dir, "schemas/support-reply/v2.json"), `${JSON.stringify(v1, null, 2)}\n`);
    const b2 = await runCliHere(["build"], dir);
    assert.equal(b2.code, 0, b2.stderr);
    assert.ok(existsSync(path.join(dir, sourceDir, "migrations/support-reply/v1-to-v2.ts")), b2.stdout);
    assert.deepEqual(compileWithOwnTsconfig(dir), []);
    // The app's build layout did not move (an inferred rootDir would have become the project root).
    const run = spawnSync(process.execPath, ["-e", 'import("./dist/main.js").then((m) => console.log(JSON.stringify(m.reply)))'], { cwd: dir, encoding: "utf8" });
    assert.equal(run.stdout.trim(), '{"answer":"a","category":"bug","needs_human":false}', run.stderr);
  });
}

/** Compiles a project with its own tsconfig.json, exactly as `tsc -p` would; returns the diagnostics. */
function compileWithOwnTsconfig(dir: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  assert.ok(parsed !== undefined);
  // TypeScript's own lib files are parsed once for the file's three projects (util/lib-cache.ts); the rest as tsc reads it.
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host: libCachingHost(parsed.options) });
  const emitted = program.emit();
  return [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
}
