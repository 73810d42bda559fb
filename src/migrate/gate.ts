/**
 * The migration gate, a `check` step: a backward-breaking step (old documents fail the new version) must have an
 * implemented migration, and every migration must type-check against the types `build` would generate.
 */
import path from "node:path";
import type { CheckStep } from "../shapes/check-step.js";
import type { CompileResult } from "../shapes/compiled.js";
import type { Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import type { Draft, JsonObject } from "../ir/json.js";
import { chainSources } from "./files.js";
import { stepStatus } from "./status.js";
import { stepPairs } from "./step-pairs.js";
import { startTypecheck } from "./typecheck.js";

/**
 * What the gate needs of a comparison of two versions: drift's `diffSchemas` (src/drift/cached-diff.ts), handed in
 * by the composition root (src/api/steps.ts) because drift sits above migrate (it reports migration status).
 */
export type BackwardDiff = (
  old: { readonly schema: JsonObject; readonly draft: Draft },
  neu: { readonly schema: JsonObject; readonly draft: Draft },
) => Promise<{
  readonly verdict: { readonly backward: string };
  readonly changes: readonly { readonly pointer: string; readonly message: string; readonly rule: string; readonly breaks: readonly string[]; readonly unknown?: readonly string[] }[];
}>;

/**
 * Why old documents fail the new version: the drift engine's backward findings (a step whose backward verdict is
 * "compatible" needs no migration; "unknown" counts as breaking). Without both versions compiled, the stub
 * analysis's own list is used.
 */
export async function backwardBreaks(
  diffSchemas: BackwardDiff,
  compiled: Pick<CompileResult, "versions">,
  contract: string,
  from: number,
  fallback: readonly string[],
): Promise<string[]> {
  const find = (v: number) => compiled.versions.find((c) => c.contract.name === contract && c.source.version === v);
  const old = find(from);
  const neu = find(from + 1);
  if (old === undefined || neu === undefined) return [...fallback];
  const diff = await diffSchemas({ schema: old.schema, draft: old.draft }, { schema: neu.schema, draft: neu.draft });
  if (diff.verdict.backward === "compatible") return [];
  const found = diff.changes.filter((c) => c.breaks.includes("backward") || (c.unknown ?? []).includes("backward"));
  return found.length > 0 ? found.map((c) => `${c.pointer === "" ? "/" : c.pointer}: ${c.message} [${c.rule}]`) : [...fallback];
}

/**
 * The gate as a `check` step, comparing versions with `diff`. `start` reads the steps' statuses, keys the chains
 * and hands the type-check to its threads (typecheck.ts `startTypecheck`); `finish` reports the statuses and waits.
 */
export const migrationCheckStep = (diff: BackwardDiff): CheckStep => ({
  name: "migrations",
  async run(project, compiled) {
    return (await startGate(diff, project, compiled)).finish();
  },
  start: (project, compiled) => startGate(diff, project, compiled),
});

/*
 * Why the type-check starts before the statuses are reported: it needs only which steps have a module, and its
 * threads then work while the other steps run. The backward comparisons of unimplemented steps stay in `finish`,
 * after drift, as when the gate ran last: they reuse what drift's run left (its meta-schema checks, loaded code).
 */
async function startGate(diff: BackwardDiff, project: Project, compiled: CompileResult): Promise<{ finish(): Promise<readonly Diagnostic[]> }> {
  const planned = stepPairs(project, compiled).map((p) => ({ ...p, ...stepStatus(p.step) }));
  const contracts = new Set(planned.map((p) => p.step.contract));
  const checked = contracts.size > 0 && planned.every((p) => p.status !== "missing");
  const roots = [...contracts].map((c) => path.join(project.outDir, c, "upgrade.ts"));
  const typecheck = checked ? await startTypecheck(project, chainSources(project, compiled), roots) : undefined;
  return {
    async finish() {
      const problems: Diagnostic[] = [];
      for (const { step, old, neu, status, markers } of planned) {
        const label = `${step.contract} v${step.from} → v${step.to}`;
        if (status === "missing") {
          problems.push({ code: "migration.missing", file: step.display, message: `${label} has no migration module: run \`llm-contracts build\` to scaffold ${step.functionName}` });
        } else if (status === "stub") {
          // The stub analysis's own list, for when drift cannot compare: imported for a stub only (step-pairs.ts).
          const { analyzeStep } = await import("./analyze.js");
          const breaks = await backwardBreaks(diff, compiled, step.contract, step.from, analyzeStep(old.contract.name, step.from, old.schema, neu.schema).breaks);
          if (breaks.length === 0) continue;
          problems.push({
            code: "migration.not-implemented",
            file: step.display,
            line: markers[0]!,
            message:
              `${label} breaks old documents (${breaks.join("; ")}) and ${step.functionName} is not implemented: ` +
              `replace the ${markers.length} notImplemented(...) call(s) (line ${markers.join(", ")})`,
          });
        }
      }
      return typecheck === undefined ? problems : [...problems, ...(await typecheck.finish())];
    },
  };
}
