/**
 * The shape of a further check `check` runs after a complete compile (drift between versions, provider lint,
 * migrations). Steps live beside what they check; the ordered list is assembled in src/api/steps.ts.
 */
import type { Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import type { CompileResult } from "./compiled.js";

export interface CheckStep {
  readonly name: string;
  run(project: Project, compiled: CompileResult): Promise<readonly Diagnostic[]>;
}
