/**
 * One exit-code table (src/exit-codes.ts): 0 nothing to report, 1 a gate found problems in a project that
 * compiles, 2 cannot run or bad input. Tested per command: its --help prints the table, an unknown flag is 2 with
 * "did you mean", and the same bad input (a misspelt keyword, a version gap) is 2 from every command that reads
 * the project, the hook included; a gate finding is 1 from build and check alike. The README holds the same table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EXIT_CODE_TABLE, exitCodeOf } from "../../src/exit-codes.js";
import { contractFiles, makeProject, REPO_ROOT, runCli, type Run } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const COMMANDS = ["init", "build", "check", "publish", "diff", "drift", "lint", "validate", "replay", "migrate", "export", "hook", "import"];
const OK = { type: "object", additionalProperties: false, properties: { a: { type: "string" } } };

test("exit codes › exitCodeOf: gate findings are 1, anything else 2, nothing 0", () => {
  assert.equal(exitCodeOf([]), 0);
  for (const code of ["generated.stale", "example.invalid", "drift.enum-value-removed", "lint.openai", "migration.not-implemented", "publish.changed", "publish.removed"]) assert.equal(exitCodeOf([{ code }]), 1, code);
  for (const code of ["strict.keyword-typo", "schema.meta", "contract.version-gap", "input.json-syntax", "publish.lock-invalid", "publish.unknown", "config.invalid"]) assert.equal(exitCodeOf([{ code }]), 2, code);
  assert.equal(exitCodeOf([{ code: "generated.stale" }, { code: "schema.meta" }]), 2, "any bad input makes it 2");
});

test("exit codes › the top-level --help and the README print the same table", () => {
  const r = runCli(["--help"], REPO_ROOT);
  assert.equal(r.code, 0);
  assert.ok(r.stdout.includes(EXIT_CODE_TABLE), "llm-contracts --help");
  assert.ok(readFileSync(path.join(REPO_ROOT, "README.md"), "utf8").includes(EXIT_CODE_TABLE), "README.md");
  assert.match(r.stdout, /publish +lock released versions/);
});

test("exit codes › an unknown command is 2 with did you mean", () => {
  const r = runCli(["chekc"], REPO_ROOT);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^llm-contracts: unknown command "chekc"; did you mean "check"\?/);
  assert.equal(runCli(["frobnicate"], REPO_ROOT).stderr.includes("did you mean"), false, "no far-fetched suggestion");
});

/**
 * The CLI's entry (`main`) in this process, as cli/main.ts runs it (the exit code it would set, what it would print): a
 * spawned binary pays Node's start and a reload of the compiler per call. The real binary is run beside it for one
 * command of each case (`viaBinaryToo`), and the two must agree byte for byte.
 */
async function inProcess(args: string[], cwd: string): Promise<Run> {
  return runCliHere(args, cwd);
}

/** The entry's result for `args`, after asserting that the real binary gives the same code and output (a command that writes nothing). */
async function viaBinaryToo(args: string[], cwd: string): Promise<Run> {
  const binary = runCli(args, cwd);
  const entry = await inProcess(args, cwd);
  assert.deepEqual(entry, { code: binary.code, stdout: binary.stdout, stderr: binary.stderr }, `binary and entry: ${args.join(" ")}`);
  return entry;
}

test("exit codes › the binary and the entry agree on a command's --help and on an unknown flag", async () => {
  const dir = makeProject(contractFiles("ping", [OK]));
  for (const args of [["check", "--help"], ["check", "--formt", "json"]]) {
    const binary = runCli(args, dir);
    assert.deepEqual(await inProcess(args, dir), { code: binary.code, stdout: binary.stdout, stderr: binary.stderr }, args.join(" "));
  }
});

for (const command of COMMANDS) {
  test(`exit codes › ${command}: --help exits 0 with the table; an unknown flag exits 2 with did you mean`, async () => {
    const dir = makeProject(contractFiles("ping", [OK]));
    const help = await inProcess(command === "hook" ? ["hook", "--help"] : [command, "--help"], dir);
    assert.equal(help.code, 0, help.stderr);
    assert.ok(help.stdout.startsWith(`llm-contracts ${command}`), help.stdout);
    assert.ok(help.stdout.includes(EXIT_CODE_TABLE), `${command} --help prints the exit-code table`);
    const args = command === "hook" ? ["hook", "check", "--formt", "json"] : [command, "--formt", "json"];
    const typo = await inProcess(args, dir);
    assert.equal(typo.code, 2, typo.stderr);
    assert.match(typo.stderr, /unknown option --formt; did you mean --format\?/);
  });
}

/** The commands that read the project, with the arguments that make them read `ping`. */
const READERS: readonly (readonly string[])[] = [
  ["build"],
  ["check"],
  ["check", "--no-cache"],
  ["hook", "check", "schemas/ping/v1.json"],
  ["publish"],
  ["lint"],
  ["validate", "ping", "doc.json"],
  ["replay", "ping@v1", "doc.json"],
  ["export", "ping", "--provider", "openai-strict"],
];

test("exit codes › export of a contract whose latest version does not compile is 2, never the version before it", async () => {
  const dir = makeProject(contractFiles("ping", [OK, { ...OK, properties: { a: { type: "string", minLenght: 2 } } }]));
  for (const spec of ["ping", "ping@v2"]) {
    const r = await inProcess(["export", spec, "--provider", "anthropic", "--format", "json"], dir);
    assert.equal(r.code, 2, `${spec}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, "", `${spec}: nothing exported`);
    assert.match(r.stderr, /schemas\/ping\/v2\.json:\d+:\d+#\/properties\/a\/minLenght: .*\[strict\.keyword-typo\]/, spec);
  }
  // As for validate: the contract is read as a whole, so its bad version is reported for v1 too.
  assert.equal((await inProcess(["export", "ping@v1", "--provider", "anthropic"], dir)).code, 2);
});

test("exit codes › a misspelt keyword is 2 from every command that reads the project, the hook included", async () => {
  const dir = makeProject({ ...contractFiles("ping", [{ ...OK, properties: { a: { type: "string", minLenght: 2 } } }]), "doc.json": { a: "x" } });
  for (const args of READERS) {
    const r = args[0] === "check" && args.length === 1 ? await viaBinaryToo([...args], dir) : await inProcess([...args], dir);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /schemas\/ping\/v1\.json:\d+:\d+#\/properties\/a\/minLenght: .*did you mean "minLength".*\[strict\.keyword-typo\]/, args.join(" "));
  }
});

test("exit codes › a misspelt keyword in a later version is 2 from drift and hook drift too (not an unproven comparison)", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OK, { ...OK, properties: { a: { type: "string", minLenght: 2 } } }]) });
  for (const args of [["drift"], ["hook", "drift", "schemas/ping/v2.json"], ["check"]]) {
    const r = args[0] === "drift" ? await viaBinaryToo(args, dir) : await inProcess(args, dir);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /schemas\/ping\/v2\.json:\d+:\d+#\/properties\/a\/minLenght: .*\[strict\.keyword-typo\]/, args.join(" "));
  }
});

test("exit codes › a version gap is 2 from every command that reads the project, drift and migrate included", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OK]), "schemas/ping/v3.json": OK, "doc.json": { a: "x" } });
  for (const args of [...READERS, ["drift"], ["hook", "drift", "schemas/ping/v3.json"], ["migrate", "ping", "doc.json"]]) {
    const r = args[0] === "build" ? await viaBinaryToo([...args], dir) : await inProcess([...args], dir);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /schemas\/ping\/v3\.json: version 2 is missing.*\[contract\.version-gap\]/, args.join(" "));
  }
});

test("exit codes › a failing golden example is 1 from build and check alike; stale output is 1 from check and the hook", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OK]), "schemas/ping/examples/v1/valid/bad.json": { a: 1 } });
  for (const args of [["build"], ["check"], ["hook", "check", "schemas/ping/v1.json"]]) {
    const r = args[0] === "hook" ? await viaBinaryToo(args, dir) : await inProcess(args, dir);
    assert.equal(r.code, 1, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, /\[example\./);
  }
  const fixed = makeProject(contractFiles("ping", [OK]));
  assert.equal(runCli(["build"], fixed).code, 0);
  writeFileSync(path.join(fixed, "schemas/ping/v1.json"), JSON.stringify({ ...OK, title: "Ping" }));
  for (const args of [["check"], ["hook", "check", "schemas/ping/v1.json"]]) assert.equal((await inProcess(args, fixed)).code, 1, args.join(" "));
  assert.equal((await inProcess(["hook", "check", "README.md"], fixed)).code, 0, "the hook skips unrelated files");
});
