import type { CompiledVersion } from "../shapes/compiled.js";
import type { ProviderProfile } from "../config/config.js";
import { isJsonObject, type JsonObject } from "../ir/json.js";
import { lintSchema, type RuleFinding } from "../lint/engine.js";
import { PROFILES } from "../lint/profiles/index.js";
import { loweringConfig } from "./config.js";
import { requestFragment } from "./fragment.js";
import { LoweringError, lowerSchema, type Change } from "./lower.js";
import { prunePlan, type PlanNode } from "./plan.js";

export type { Change } from "./lower.js";

export interface ProviderExport {
  readonly profile: ProviderProfile;
  readonly contract: string;
  readonly version: number;
  /** The request-ready fragment; undefined when the schema cannot be sent to this provider (see `errors`). */
  readonly fragment?: JsonObject;
  /** The loss manifest: every change made to the canonical schema, in document order. */
  readonly changes: readonly Change[];
  /** Lint errors no lowering can fix; when non-empty there is no fragment. */
  readonly errors: readonly RuleFinding[];
  /** Normalizer plan (undefined: the identity) and the plans of `$ref` targets it links to. */
  readonly plan?: PlanNode;
  readonly planDefs: Readonly<Record<string, PlanNode>>;
}

/** Lowers one contract version for one provider and wraps it in the request fragment. */
export function exportVersion(version: CompiledVersion, profile: ProviderProfile): ProviderExport {
  const base = { profile, contract: version.contract.name, version: version.source.version };
  const toolName = version.contract.manifest.toolName;
  const target = { name: version.contract.name, ...(toolName !== undefined ? { toolName } : {}), kind: version.contract.manifest.kind, schema: version.schema };
  const errors = lintSchema(target, PROFILES[profile]).filter((f) => f.severity === "error");
  if (errors.length > 0) return { ...base, changes: [], errors, planDefs: {} };
  let lowered;
  try {
    lowered = lowerSchema(version.schema, loweringConfig(profile));
  } catch (error) {
    if (!(error instanceof LoweringError)) throw error;
    return { ...base, changes: [], errors: [{ ruleId: "recursive-ref", severity: "error", pointer: error.pointer, message: error.message }], planDefs: {} };
  }
  // The lowered schema must pass its own profile with no error; anything left would be a lowering bug.
  const after = lintSchema({ ...target, schema: lowered.schema }, PROFILES[profile]).filter((f) => f.severity === "error");
  if (after.length > 0) return { ...base, changes: lowered.changes, errors: after, planDefs: {} };
  const plan = prunePlan(lowered.plan, lowered.defs);
  const planDefs: Record<string, PlanNode> = {};
  const collect = (p: PlanNode | undefined): void => {
    if (p === undefined) return;
    if (p.r !== undefined && !(p.r in planDefs)) {
      const d = prunePlan(lowered.defs.get(p.r) ?? {}, lowered.defs);
      if (d !== undefined) (planDefs[p.r] = d), collect(d);
    }
    collect(p.i);
    p.a?.forEach(collect);
    for (const e of Object.values(p.p ?? {})) collect(e.s);
  };
  collect(plan);
  const description = typeof version.schema["description"] === "string" ? version.schema["description"] : version.contract.manifest.description;
  const fragment = requestFragment(profile, { name: toolName ?? version.contract.name, kind: version.contract.manifest.kind, description, schema: lowered.schema });
  return { ...base, fragment, changes: lowered.changes, errors: [], ...(plan !== undefined ? { plan } : {}), planDefs };
}

/** The wire schema inside a fragment (for tests and round-trips). */
export function wireSchema(fragment: JsonObject): JsonObject {
  for (const key of ["parameters", "schema", "input_schema", "parametersJsonSchema", "responseJsonSchema", "responseSchema", "inputSchema", "outputSchema"]) {
    const v = fragment[key];
    if (isJsonObject(v)) return v;
  }
  for (const key of ["function", "json_schema"]) {
    const v = fragment[key];
    if (isJsonObject(v)) return wireSchema(v);
  }
  throw new Error("fragment without a schema");
}
