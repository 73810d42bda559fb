/**
 * The typia anchor, built at bench time: our generated TypeScript types of a schema, a module calling
 * `typia.createIs<T>()` and `typia.createValidate<T>()`, compiled with typia's transformer (its programmatic API,
 * the one `typia generate` uses) in a temp folder, then bundled by esbuild into one self-contained ESM module.
 * typia checks TypeScript types: it skips `pattern`, `format`, lengths, `uniqueItems`, `additionalProperties:
 * false` (unless tagged), and it refuses some types outright (reported as the reason, not as a number).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import { build } from "esbuild";
import { emitTypes } from "../src/emit/types/index.js";
import type { Draft, JsonObject } from "../src/ir/json.js";

const require = createRequire(import.meta.url);
const NODE_MODULES = path.resolve(path.dirname(require.resolve("typia/package.json")), "..");

type TypiaTransform = (program: ts.Program, options: object | undefined, extras: { addDiagnostic: (d: ts.Diagnostic) => number }) => ts.TransformerFactory<ts.SourceFile>;

export interface TypiaBuild {
  readonly is: (data: unknown) => boolean;
  readonly validate: (data: unknown) => { success: boolean };
  /** min+gzip bytes of a bundle exporting `is` only, and `validate` only. */
  readonly isGzip: number;
  readonly validateGzip: number;
}

/** typia's validators for `schema`, or the reason typia (or the types) could not produce them. */
export async function typiaBuild(schema: JsonObject, draft: Draft, rootName: string): Promise<TypiaBuild | { readonly error: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "llmc-typia-"));
  try {
    let types: string;
    try {
      types = await emitTypes({ schema, draft, rootName });
    } catch (error) {
      return { error: `no TypeScript types: ${String(error).split("\n")[0]}` };
    }
    // One file per export, so each size is that export's alone; `entry` has both for the timings.
    const sources = {
      entry: `export const is = typia.createIs<${rootName}>();\nexport const validate = typia.createValidate<${rootName}>();\n`,
      is: `export const is = typia.createIs<${rootName}>();\n`,
      validate: `export const validate = typia.createValidate<${rootName}>();\n`,
    };
    for (const [name, body] of Object.entries(sources)) writeFileSync(path.join(dir, `${name}.ts`), `import typia from "typia";\n${types}\n${body}`);
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      skipLibCheck: true,
      baseUrl: dir,
      paths: { typia: [path.join(NODE_MODULES, "typia")], "typia/*": [path.join(NODE_MODULES, "typia/*")] },
      outDir: path.join(dir, "out"),
    };
    const roots = Object.keys(sources).map((name) => path.join(dir, `${name}.ts`));
    const program = ts.createProgram(roots, options);
    const diagnostics: ts.Diagnostic[] = [];
    const transform = (require("typia/lib/transform") as { default: TypiaTransform }).default;
    const js = new Map<string, string>();
    program.emit(undefined, (file, text) => {
      if (file.endsWith(".js")) js.set(path.basename(file, ".js"), text);
    }, undefined, false, { before: [transform(program, {}, { addDiagnostic: (d) => diagnostics.push(d) })] });
    const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0 || js.size !== roots.length) {
      return { error: `typia refuses the type: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")).join("; ").slice(0, 200)}` };
    }
    for (const [name, text] of js) writeFileSync(path.join(dir, `${name}.js`), text);
    const bundle = async (name: string, minify: boolean): Promise<string> => {
      const result = await build({ entryPoints: [path.join(dir, `${name}.js`)], bundle: true, minify, format: "esm", platform: "browser", write: false, nodePaths: [NODE_MODULES], logLevel: "silent", outfile: path.join(dir, "o.js") });
      return result.outputFiles[0]!.text;
    };
    const isCode = await bundle("is", true);
    const validateCode = await bundle("validate", true);
    const full = await bundle("entry", false);
    const module = (await import(`data:text/javascript;base64,${Buffer.from(full, "utf8").toString("base64")}`)) as Pick<TypiaBuild, "is" | "validate">;
    return { is: module.is, validate: module.validate, isGzip: gzipSync(isCode).length, validateGzip: gzipSync(validateCode).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
