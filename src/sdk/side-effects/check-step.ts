import path from "node:path";
import type { CompileResult, CompiledVersion } from "../../shapes/compiled.js";
import { displayPath, type Project } from "../../config/config.js";
import type { Diagnostic } from "../../errors.js";
import { checkIdempotencyKey } from "./idempotency-key.js";

/**
 * `check` refuses a tool with side effects it cannot retry safely (see idempotency-key.ts). Shaped as a `CheckStep`
 * (src/api/steps.ts lists it); it does not import that type, so the SDK stays below the API layer.
 */
export const sideEffectsCheckStep = {
  name: "side-effects",
  async run(project: Project, compiled: CompileResult): Promise<readonly Diagnostic[]> {
    const byContract = new Map<string, CompiledVersion[]>();
    for (const v of compiled.versions) byContract.set(v.contract.name, [...(byContract.get(v.contract.name) ?? []), v]);
    const out: Diagnostic[] = [];
    for (const contract of compiled.contracts) {
      const versions = (byContract.get(contract.name) ?? []).sort((a, b) => a.source.version - b.source.version);
      const findings = checkIdempotencyKey(contract.manifest, versions.map((v) => ({ version: v.source.version, schema: v.schema })));
      for (const f of findings) {
        const file = f.where === "manifest" ? displayPath(project.rootDir, path.join(contract.dir, "contract.json")) : (versions.find((v) => v.source.version === f.where)?.source.display ?? contract.name);
        out.push({ code: f.code, file, pointer: f.pointer, message: `${contract.name}: ${f.message}` });
      }
    }
    return out;
  },
};
