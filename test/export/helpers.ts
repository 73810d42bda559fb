import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { compileProject } from "../../src/api/compile.js";
import { importValidator, type CompileResult } from "../../src/compile/compile.js";
import { resolveProject } from "../../src/config/config.js";
import type { PlanNode } from "../../src/export/plan.js";
import { REPO_ROOT } from "../util/project.js";

let cached: Promise<CompileResult> | undefined;

/** The bundled example contracts, compiled once per test file. */
export function examples(): Promise<CompileResult> {
  cached ??= compileProject(resolveProject({ cwd: REPO_ROOT }));
  return cached;
}

/** Golden valid instances of a contract version. */
export function validInstances(contract: string, version: number): unknown[] {
  const dir = path.join(REPO_ROOT, "schemas", contract, "examples", `v${version}`, "valid");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as unknown);
}

/** What a provider would send back for a canonical value: `null` where export made an optional property required. */
export function raise(value: unknown, plan: PlanNode | undefined, defs: Readonly<Record<string, PlanNode>>): unknown {
  if (plan === undefined) return value;
  let v = value;
  if (plan.r !== undefined) v = raise(v, defs[plan.r], defs);
  for (const b of plan.a ?? []) v = raise(v, b, defs);
  if (plan.i !== undefined && Array.isArray(v)) v = v.map((x) => raise(x, plan.i, defs));
  if (plan.p !== undefined && typeof v === "object" && v !== null && !Array.isArray(v)) {
    const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    for (const [k, e] of Object.entries(plan.p)) {
      if (!Object.hasOwn(out, k)) {
        if (e.n === 1) out[k] = null;
      } else if (e.s !== undefined) out[k] = raise(out[k], e.s, defs);
    }
    v = out;
  }
  return v;
}

/** Imports generated TypeScript (zero imports) as a module, transpiled in memory. */
export async function importTs(code: string): Promise<Record<string, unknown>> {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  return (await import(`data:text/javascript;base64,${Buffer.from(js, "utf8").toString("base64")}`)) as Record<string, unknown>;
}

export { importValidator };
