import type { CompiledVersion } from "../../shapes/compiled.js";
import type { PlanExtension } from "../../shapes/extension.js";
import { docComment, jsonLiteral, stringLiteral } from "../codegen/escape.js";
import { renderModule } from "../codegen/module.js";
import { versionNames } from "../modules/names.js";
import { runtimeCopies } from "../modules/runtime.js";
import { convertDraft, type Converted } from "./drafts.js";
import { standardName } from "./names.js";
import { toOpenApi30 } from "./openapi.js";
import { lowerDraft } from "../../export/draft.js";

/** Standard JSON Schema target names (the spec's, plus `draft-2019-09` for schemas written in it). */
const NATIVE_TARGET = { "draft-07": "draft-07", "2019-09": "draft-2019-09", "2020-12": "draft-2020-12" } as const;

/** Every target a version offers, in a fixed order: a schema, or the reason it cannot be written there. */
export function standardTargets(version: CompiledVersion): [string, Converted | "native"][] {
  // draft-04/06 have no target of their own: they are converted from their draft-07 form (src/export/draft.ts).
  const old = version.draft === "draft-04" || version.draft === "draft-06";
  const native = old ? undefined : NATIVE_TARGET[version.draft as keyof typeof NATIVE_TARGET];
  const from = old ? "draft-07" : version.draft;
  const schema = old ? lowerDraft(version.schema, { stripDialect: false }).schema : version.schema;
  const out: [string, Converted | "native"][] = [];
  out.push(["draft-2020-12", native === "draft-2020-12" ? "native" : convertDraft(schema, from, "2020-12")]);
  out.push(["draft-07", native === "draft-07" ? "native" : convertDraft(schema, from, "draft-07")]);
  if (native === "draft-2019-09") out.push([native, "native"]);
  const lifted = convertDraft(schema, from, "2020-12");
  out.push(["openapi-3.0", "schema" in lifted ? toOpenApi30(lifted.schema) : lifted]);
  return out;
}

/** `v<N>.standard.ts`: the version as a Standard Schema V1 + Standard JSON Schema V1 object. */
export function renderStandardModule(version: CompiledVersion): string {
  const v = version.source.version;
  const n = versionNames(version.contract.name, v);
  const name = standardName(version.contract.name, v);
  const targets = standardTargets(version);
  // Old drafts have no native target (they are converted), so they do not read the schema constant.
  const native = targets.some(([, c]) => c === "native");
  const entries = targets.map(([target, c]) => {
    const value = c === "native" ? n.schema : "schema" in c ? jsonLiteral(c.schema, 1) : stringLiteral(c.refused);
    return `  ${stringLiteral(target)}: ${value},`;
  });
  const doc = docComment(
    `${version.contract.name} v${v} as a Standard Schema (validate) and Standard JSON Schema (jsonSchema.input/output).\n` +
      `Pass it wherever a library takes a Standard Schema, e.g. \`Output.object({ schema: ${name} })\` (Vercel AI SDK).\n` +
      `@see https://standardschema.dev/`,
  );
  return renderModule({
    source: version.source.display,
    notes: [`Standard Schema for contract ${version.contract.name} v${v}`],
    imports: [
      `import { standardContract, type StandardContract } from "../_standard.js";`,
      `import { ${n.parse}, ${native ? `${n.schema}, ` : ""}type ${n.type} } from ${stringLiteral(`./v${v}.js`)};`,
    ],
    body: [`${doc}export const ${name}: StandardContract<${n.type}> = /* @__PURE__ */ standardContract<${n.type}>(${n.parse}, {\n${entries.join("\n")}\n});`],
  });
}

/** Writes `generated/<contract>/v<N>.standard.ts` and the shared `generated/_standard.ts`. */
export const standardExtension: PlanExtension = {
  name: "standard-schema",
  files(version) {
    return new Map([...runtimeCopies("standard"), [`${version.contract.name}/v${version.source.version}.standard.ts`, renderStandardModule(version)]]);
  },
};

/** Writes `generated/_json-schema.ts`: the JSON Schema types the schema constants and fragments are checked against. */
export const jsonSchemaTypesExtension: PlanExtension = {
  name: "json-schema-types",
  files() {
    return runtimeCopies("json-schema");
  },
};
