/**
 * The migration type-check reads generated validator modules as their declarations and checks only the upgrade
 * modules and the user's files (src/migrate/typecheck.ts). Differential: on a project whose migrations are wrong
 * in several ways, its diagnostics must equal those of one full program over the real files, every file checked
 * (what the gate did before).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import ts from "typescript";
import { tempDir } from "../util/project.js";
import { brokenChains } from "./broken-migrations.js";
import { resolveProject, displayPath } from "../../src/config/config.js";
import { chainCompilerOptions, declaredValidator, typecheckChain } from "../../src/migrate/typecheck.js";
import { validatorDeclarations } from "../../src/emit/modules/version.js";

test("typecheck view › only generated validator modules under @ts-nocheck are read as declarations", () => {
  const project = resolveProject({ cwd: tempDir("llm-contracts-tcview-") });
  const out = project.outDir;
  const js = "// @generated\n// @ts-nocheck\nexport const validate = 1;\n";
  assert.equal(declaredValidator(project, path.join(out, "a", "v1.validate.ts"), js), `${validatorDeclarations(js)}\n`);
  assert.equal(declaredValidator(project, path.join(out, "a", "v12.validate.ts"), js), `${validatorDeclarations(js)}\n`);
  // `validateWorded` is declared only where the module has it: importing an export a module lacks fails to link.
  assert.doesNotMatch(validatorDeclarations(js), /validateWorded/);
  const worded = `${js}export function validateWorded(data, dataCxt) {}\n`;
  assert.match(declaredValidator(project, path.join(out, "a", "v1.validate.ts"), worded), /export declare const validateWorded: RawValidator;/);
  // Not a validator module of a contract folder, or not the generated form: unchanged.
  for (const file of [path.join(out, "a", "v1.ts"), path.join(out, "v1.validate.ts"), path.join(out, "a", "b", "v1.validate.ts"), path.join(project.rootDir, "schemas", "a", "v1.validate.ts")]) {
    assert.equal(declaredValidator(project, file, js), js, file);
  }
  assert.equal(declaredValidator(project, path.join(out, "a", "v1.validate.ts"), "export const validate = 1;\n"), "export const validate = 1;\n");
});

/** The gate's old way: one program over the real texts, every file's diagnostics. */
async function fullProgram(overlay: ReadonlyMap<string, string>, roots: readonly string[], rootDir: string): Promise<string[]> {
  const files = new Map([...overlay].map(([f, t]) => [path.resolve(f), t]));
  const options = await chainCompilerOptions();
  const host = ts.createCompilerHost(options, true);
  const exists = host.fileExists.bind(host);
  const read = host.readFile.bind(host);
  const get = host.getSourceFile.bind(host);
  host.fileExists = (f) => files.has(path.resolve(f)) || exists(f);
  host.readFile = (f) => files.get(path.resolve(f)) ?? read(f);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = files.get(path.resolve(f));
    return text !== undefined ? ts.createSourceFile(f, text, lang, true) : get(f, lang, onError, create);
  };
  const program = ts.createProgram({ rootNames: [...roots], options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const at = d.file === undefined || d.start === undefined ? undefined : d.file.getLineAndCharacterOfPosition(d.start);
    const file = d.file === undefined ? "." : displayPath(rootDir, d.file.fileName);
    return `${file}:${at === undefined ? "" : `${at.line + 1}:${at.character + 1}`} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
}

test("typecheck view › diagnostics equal a full program's over the real files", async () => {
  const { project, sources, roots } = await brokenChains("llm-contracts-tcview-");
  const want = (await fullProgram(sources, roots, project.rootDir)).sort();
  const got = (await typecheckChain(project, sources, roots)).map((d) => {
    const ts2 = /\(TS(\d+)\)$/.exec(d.message)!;
    const text = d.message.replace(/^does not type-check: /, "").replace(/ \(TS\d+\)$/, "");
    return `${d.file}:${d.line === undefined ? "" : `${d.line}:${d.column}`} TS${ts2[1]} ${text}`;
  }).sort();
  assert.ok(want.length >= 3, want.join("\n"));
  for (const c of ["contract-0001", "contract-0002"]) assert.ok(want.some((w) => w.startsWith(`schemas/${c}/`)), `${c}: ${want.join("\n")}`);
  assert.ok(want.some((w) => w.startsWith("generated/contract-0003/upgrade.ts")), want.join("\n"));
  assert.deepEqual([...new Set(got)], [...new Set(want)]);
});
