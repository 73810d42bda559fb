import type { CompiledVersion } from "../../shapes/compiled.js";
import { exportVersion, type ProviderExport } from "../../export/export.js";
import type { JsonObject } from "../../ir/json.js";
import { fragmentPlace } from "../../export/fragment.js";
import { docComment, jsonLiteral } from "../codegen/escape.js";
import { renderModule } from "../codegen/module.js";
import { providerNames } from "./names.js";
import { responsesFragment } from "./responses.js";

export { providerNames } from "./names.js";

/**
 * Fixed interpreter of a normalizer plan (see src/export/plan.ts): `null` back to absent for properties export
 * made required + nullable. Plain code, no schema text: plans are data passed through `jsonLiteral`.
 *
 * Why `n?: number` and not the literal `1`: under a property named like an `Object.prototype` member (`valueOf`,
 * `toString`), TypeScript takes that member's method type as the literal's contextual type, so `{ n: 1 }` widens
 * to `{ n: number }` and no longer fits `1` (TS2322 under --strict).
 */
const PLAN_RUNTIME = `interface Plan {
  readonly p?: Readonly<Record<string, { readonly n?: number; readonly s?: Plan }>>;
  readonly i?: Plan;
  readonly a?: readonly Plan[];
  readonly r?: string;
}

function undo(value: unknown, plan: Plan | undefined, defs: Readonly<Record<string, Plan>>): unknown {
  if (plan === undefined) return value;
  let v = value;
  if (plan.r !== undefined) v = undo(v, defs[plan.r], defs);
  for (const branch of plan.a ?? []) v = undo(v, branch, defs);
  if (plan.i !== undefined && Array.isArray(v)) {
    const item = plan.i;
    v = v.map((x: unknown) => undo(x, item, defs));
  }
  if (plan.p !== undefined && typeof v === "object" && v !== null && !Array.isArray(v)) {
    const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    for (const [key, entry] of Object.entries(plan.p)) {
      if (!Object.prototype.hasOwnProperty.call(out, key)) continue;
      if (entry.n === 1 && out[key] === null) delete out[key];
      else if (entry.s !== undefined) out[key] = undo(out[key], entry.s, defs);
    }
    v = out;
  }
  return v;
}`;

/** An exported constant with a literal, mutable type (SDK-assignable; see generated/_json-schema.ts). */
function mutableConst(name: string, value: JsonObject, doc: string): string {
  const literal = `${name}Literal`;
  return `const ${literal} = ${jsonLiteral(value)} as const;\n${doc}export const ${name}: DeepMutable<typeof ${literal}> = ${literal} as DeepMutable<typeof ${literal}>;`;
}

function renderProvider(e: ProviderExport, kind: CompiledVersion["contract"]["manifest"]["kind"]): string {
  const n = providerNames(e.contract, e.version, e.profile);
  const lines: string[] = [];
  const dropped = e.changes.filter((c) => c.action === "dropped").length;
  const fragment = e.fragment!;
  const doc = docComment(
    `${e.profile}: send as ${fragmentPlace(e.profile, kind)}.\n` +
      `${e.changes.length} change(s) from the canonical schema, ${dropped} dropped constraint(s): see ${n.losses}. ` +
      `The contract's validator still enforces all of them.`,
  );
  lines.push(mutableConst(n.request, fragment, doc));
  if (e.profile === "openai-strict") {
    const place = kind === "tool-arguments" ? "a Responses API `tools[]` entry" : "Responses API `text.format`";
    lines.push(mutableConst(n.responses, responsesFragment(fragment), docComment(`openai-strict: send as ${place} (the same wire schema as ${n.request}).`)));
  }
  lines.push(`/** Loss manifest: every change export made for ${e.profile} (pointer into the canonical schema). */`);
  lines.push(`export const ${n.losses} = ${jsonLiteral(e.changes)} as const;`);
  if (e.plan === undefined) {
    lines.push(`/** Nothing to undo for ${e.profile}: the provider's values are canonical values. */`);
    lines.push(`export function ${n.normalize}(value: unknown): unknown {\n  return value;\n}`);
  } else {
    lines.push(`const ${n.normalize}Plan: Plan = ${jsonLiteral(e.plan)};`);
    lines.push(`const ${n.normalize}Defs: Readonly<Record<string, Plan>> = ${jsonLiteral(e.planDefs)};`);
    lines.push(`/** Undoes the ${e.profile} lowering (\`null\` back to absent for properties that were optional); validate the result. */`);
    lines.push(`export function ${n.normalize}(value: unknown): unknown {\n  return undo(value, ${n.normalize}Plan, ${n.normalize}Defs);\n}`);
  }
  return lines.join("\n\n").replace(/\*\/\n\n(export|const)/g, "*/\n$1");
}

/** `v<N>.providers.ts` for a version whose contract lists providers; nothing otherwise. */
export function renderProvidersModule(version: CompiledVersion): string | undefined {
  const providers = version.contract.manifest.providers;
  if (providers.length === 0) return undefined;
  const exports = providers.map((p) => exportVersion(version, p));
  const ok = exports.filter((e) => e.fragment !== undefined);
  const refused = exports.filter((e) => e.fragment === undefined).map((e) => `${e.profile}: not exportable (${e.errors.map((f) => f.ruleId).join(", ")}); run llm-contracts lint`);
  const body: string[] = [];
  if (ok.some((e) => e.plan !== undefined)) body.push(PLAN_RUNTIME);
  for (const e of ok) body.push(renderProvider(e, version.contract.manifest.kind));
  if (ok.length === 0) body.push("export {};");
  return renderModule({
    source: version.source.display,
    notes: [`request fragments and normalizers for contract ${version.contract.name} v${version.source.version}`, ...refused],
    ...(ok.length > 0 ? { imports: [`import type { DeepMutable } from "../_json-schema.js";`] } : {}),
    body,
  });
}

/** `generated/<contract>/v<N>.providers.ts` of one version (none for a contract that lists no providers). */
export function providersFiles(version: CompiledVersion): Map<string, string> {
  const text = renderProvidersModule(version);
  const out = new Map<string, string>();
  if (text !== undefined) out.set(`${version.contract.name}/v${version.source.version}.providers.ts`, text);
  return out;
}
