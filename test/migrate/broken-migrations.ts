/**
 * A generated 4-contract project, built, with its migrations implemented and then broken three ways (a wrong type,
 * a missing property, a step whose signature no longer fits the chain): the shared fixture of the type-check tests.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateProject, implementStubs } from "../../bench/generate.js";
import { runCliHere } from "../util/in-process.js";
import { resolveProject } from "../../src/config/config.js";
import { compileProject } from "../../src/api/compile.js";
import { chainSources } from "../../src/migrate/files.js";
import { tempDir } from "../util/project.js";

export async function projectWithBrokenMigrations(prefix: string): Promise<string> {
  const root = tempDir(prefix);
  generateProject(root, 4, 0, { breaking: true });
  assert.equal((await runCliHere(["build"], root)).code, 0);
  assert.equal(implementStubs(root), 2);
  const edit = (contract: string, from: RegExp, to: string): void => {
    const file = path.join(root, "schemas", contract, "migrations", "v1-to-v2.ts");
    const text = readFileSync(file, "utf8");
    assert.match(text, from, file);
    writeFileSync(file, text.replace(from, to));
  };
  edit("contract-0001", /title: input\.title\.slice\(0, 80\),/, "title: input.count,"); // wrong type
  edit("contract-0002", /status: input\.status,/, "status: input.stat,"); // no such property
  edit("contract-0003", /export function (\w+)\(input: (\w+)\)/, "export function $1(input: $2, extra: number)"); // the chain's step no longer fits
  return root;
}

/** The fixture compiled: its project, compile result, migration chain sources and each contract's upgrade module. */
export async function brokenChains(prefix: string) {
  const root = await projectWithBrokenMigrations(prefix);
  const project = resolveProject({ cwd: root });
  const compiled = await compileProject(project);
  assert.deepEqual(compiled.problems, []);
  const sources = chainSources(project, compiled);
  const roots = compiled.contracts.map((c) => path.join(project.outDir, c.name, "upgrade.ts"));
  return { root, project, compiled, sources, roots };
}
