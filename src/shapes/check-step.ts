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
  /**
   * For a step that works in other threads: does this thread's share (what `run` does before it waits) and returns
   * the wait; `finish` gives what `run` would. The other steps run between the two (src/api/steps.ts `runSteps`).
   */
  start?(project: Project, compiled: CompileResult): Promise<{ finish(): Promise<readonly Diagnostic[]> }>;
}
