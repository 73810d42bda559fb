import type { CompileResult } from "../../shapes/compiled.js";
import type { Project } from "../../config/config.js";
import { chainSources } from "../../migrate/files.js";
import type { WritePlan } from "../../write/plan.js";
import type { ModuleMemo } from "./isolated.js";

/**
 * What `build` writes and `check` compares: the compiled plan itself, or its JavaScript flavour (`"emit": "js"`).
 * The JavaScript flavour is imported only when asked for: it loads the TypeScript compiler, which a build of the
 * TypeScript flavour that changed one contract does not otherwise need.
 */
export async function outputPlan(project: Project, compiled: Pick<CompileResult, "plan" | "contracts">, memo?: ModuleMemo): Promise<WritePlan> {
  if (project.emit !== "js") return compiled.plan;
  const { javascriptPlan } = await import("./index.js");
  const outPrefix = project.outDir;
  const migrations = new Map([...chainSources(project, compiled)].filter(([file]) => !file.startsWith(outPrefix)));
  return javascriptPlan(project, compiled.plan, migrations, memo);
}
