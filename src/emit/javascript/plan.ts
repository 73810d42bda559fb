import type { CompileResult } from "../../compile/compile.js";
import type { Project } from "../../config/config.js";
import { chainSources } from "../../migrate/files.js";
import type { WritePlan } from "../../write/plan.js";
import { javascriptPlan } from "./index.js";

/** What `build` writes and `check` compares: the compiled plan itself, or its JavaScript flavour (`"emit": "js"`). */
export function outputPlan(project: Project, compiled: Pick<CompileResult, "plan" | "contracts">): WritePlan {
  if (project.emit !== "js") return compiled.plan;
  const outPrefix = project.outDir;
  const migrations = new Map([...chainSources(project, compiled)].filter(([file]) => !file.startsWith(outPrefix)));
  return javascriptPlan(project, compiled.plan, migrations);
}
