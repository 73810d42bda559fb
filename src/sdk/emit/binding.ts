import type { CompiledVersion } from "../../shapes/compiled.js";
import type { PlanExtension } from "../../shapes/extension.js";
import { docComment, jsonLiteral, stringLiteral } from "../../emit/codegen/escape.js";
import { renderModule } from "../../emit/codegen/module.js";
import { versionNames } from "../../emit/modules/names.js";
import { providerNames } from "../../emit/providers/names.js";
import { bindingNames } from "./names.js";
import { toolNameOf } from "./tool-name.js";

/**
 * The provider families (families.ts), imported only for a version whose contract lists providers: choosing a
 * family's profile exports the schema with it, which loads the lint engine, its rules and profiles (about 40 modules).
 */
type Families = typeof import("./families.js");

/** Provider family -> the normalizer export of `v<N>.providers.ts` that undoes a lowering (identity ones skipped). */
function normalizersOf(version: CompiledVersion, families: Families | undefined): [family: string, name: string][] {
  const out: [string, string][] = [];
  if (version.contract.manifest.providers.length === 0) return out;
  if (families === undefined) throw new Error(`the provider families are needed for ${version.contract.name} v${version.source.version}`);
  for (const [family] of families.FAMILY_PROFILES) {
    const chosen = families.familyProfile(version, family);
    if (chosen === undefined || !chosen.normalizes) continue;
    out.push([family, providerNames(version.contract.name, version.source.version, chosen.profile).normalize]);
  }
  return out;
}

/** `sideEffects` and `idempotencyKey` from `contract.json`, when declared: the router's dedup reads them. */
function sideEffectLines(version: CompiledVersion): string[] {
  const { sideEffects, idempotencyKey } = version.contract.manifest;
  const out: string[] = [];
  if (sideEffects !== undefined) out.push(`  sideEffects: ${stringLiteral(sideEffects)},`);
  if (idempotencyKey !== undefined) out.push(`  idempotencyKey: ${stringLiteral(idempotencyKey)},`);
  return out;
}

/** `<contract>/v<N>.sdk.ts`: the contract version as the `_sdk/` adapters, streams and routers take it. */
export function renderBindingModule(version: CompiledVersion, families: Families | undefined): string {
  const contract = version.contract.name;
  const v = version.source.version;
  const n = versionNames(contract, v);
  const b = bindingNames(contract, v);
  const toolName = toolNameOf(version.contract);
  const normalizers = normalizersOf(version, families);
  const imports = [
    `import type { ContractBinding } from "../_sdk/result.js";`,
    `import { ${n.hash}, ${n.parse}, type ${n.type} } from ${stringLiteral(`./v${v}.js`)};`,
  ];
  if (normalizers.length > 0) imports.push(`import { ${normalizers.map(([, name]) => name).join(", ")} } from ${stringLiteral(`./v${v}.providers.js`)};`);
  const doc = docComment(
    `${contract} v${v} for the SDK adapters in \`_sdk/\` (parseOpenAIChat, parseAnthropicMessage, ...), streams and tool routers.\n` +
      (normalizers.length === 0 ? "No provider lowering to undo: responses are validated as sent." : `Responses are normalized first: ${normalizers.map(([f, name]) => `${f} by ${name}`).join(", ")}.`),
  );
  const body = [
    `${doc}export const ${b.versioned}: ContractBinding<${n.type}, ${stringLiteral(toolName)}> = {`,
    `  contract: ${stringLiteral(contract)},`,
    `  version: ${v},`,
    `  kind: ${jsonLiteral(version.contract.manifest.kind)},`,
    `  toolName: ${stringLiteral(toolName)},`,
    `  parse: ${n.parse},`,
    `  normalizers: {${normalizers.length === 0 ? "" : ` ${normalizers.map(([f, name]) => `${f}: ${name}`).join(", ")} `}},`,
    `  schemaHash: ${n.hash},`,
    ...sideEffectLines(version),
    `};`,
  ].join("\n");
  return renderModule({ source: version.source.display, notes: [`SDK binding for contract ${contract} v${v}`], imports, body: [body] });
}

/** `generated/<contract>/v<N>.sdk.ts` for every contract version. */
export const sdkBindingExtension: PlanExtension = {
  name: "sdk-binding",
  async files(version) {
    const families = version.contract.manifest.providers.length === 0 ? undefined : await import("./families.js");
    return new Map([[`${version.contract.name}/v${version.source.version}.sdk.ts`, renderBindingModule(version, families)]]);
  },
};
