import type { ContractIndexInput } from "../../shapes/compiled.js";
import { docComment, stringLiteral } from "../codegen/escape.js";
import { renderModule } from "../codegen/module.js";
import { latestNames, namespaceName, upgradeNames, versionNames } from "./names.js";
import { runtimeSpecifier } from "./runtime.js";
import { latestStandardName, standardName } from "../standard/names.js";

/** The upgrade chain's exports (generated/<contract>/upgrade.ts), re-exported by the indexes. */
function upgradeExports(contract: string): string[] {
  const u = upgradeNames(contract);
  return [u.upgrade, u.parseAny, u.steps, `type ${u.version}`];
}

export type { ContractIndexInput } from "../../shapes/compiled.js";

/**
 * `<contract>/index.ts`: every version's API by its versioned name, each version as a namespace (`v1`, `v2`: for
 * the `$defs` types), and the latest version under the unversioned name (`TicketTriage`, `parseTicketTriage`).
 */
export function renderContractIndex(input: ContractIndexInput): string {
  const latest = input.versions[input.versions.length - 1]!;
  const lines: string[] = [];
  for (const v of input.versions) {
    const n = versionNames(input.contract, v);
    const from = stringLiteral(`./v${v}.js`);
    lines.push(`export * as v${v} from ${from};`);
    lines.push(`export { type ${n.type}, ${n.is}, ${n.parse}, ${n.parseText}, ${n.schema}, ${n.hash}, ${n.meta} } from ${from};`);
    lines.push(`export { ${standardName(input.contract, v)} } from ${stringLiteral(`./v${v}.standard.js`)};`);
  }
  const n = versionNames(input.contract, latest);
  const l = latestNames(input.contract);
  const from = stringLiteral(`./v${latest}.js`);
  const doc = docComment(`Latest version of ${input.contract} (v${latest}).${input.description !== undefined ? `\n\n${input.description}` : ""}`);
  const latestBlock = [
    `import type { ${n.type} } from ${from};`,
    `${doc}export type ${l.type} = ${n.type};`,
    `export { ${n.is} as ${l.is}, ${n.parse} as ${l.parse}, ${n.parseText} as ${l.parseText}, ${n.schema} as ${l.schema}, ${n.hash} as ${l.hash}, ${n.meta} as ${l.meta} } from ${from};`,
    `export const ${l.type}Versions = [${input.versions.join(", ")}] as const;`,
    `export { ${standardName(input.contract, latest)} as ${latestStandardName(input.contract)} } from ${stringLiteral(`./v${latest}.standard.js`)};`,
    `export { ${upgradeExports(input.contract).join(", ")} } from "./upgrade.js";`,
  ].join("\n");
  return renderModule({ source: input.source, body: [lines.join("\n"), latestBlock] });
}

/** `generated/index.ts`: each contract's API by name, and each contract as a namespace. */
export function renderRootIndex(contracts: readonly ContractIndexInput[], source: string): string {
  const blocks = contracts.map((c) => {
    const from = stringLiteral(`./${c.contract}/index.js`);
    const names: string[] = [];
    for (const v of c.versions) {
      const n = versionNames(c.contract, v);
      names.push(`type ${n.type}`, n.is, n.parse, n.parseText, n.schema, n.hash, n.meta, standardName(c.contract, v));
    }
    const l = latestNames(c.contract);
    names.push(`type ${l.type}`, l.is, l.parse, l.parseText, l.schema, l.hash, l.meta, `${l.type}Versions`, latestStandardName(c.contract), ...upgradeExports(c.contract));
    return [`export * as ${namespaceName(c.contract)} from ${from};`, `export {\n  ${names.join(",\n  ")},\n} from ${from};`].join("\n");
  });
  const runtime = [
    `export type { ContractError, ContractErrorCode, JsonSchema, ParseResult, TextParseOptions, ValidateOptions } from ${stringLiteral(runtimeSpecifier("types", 0))};`,
    `export type { UpgradeResult } from ${stringLiteral(runtimeSpecifier("upgrade", 0))};`,
    `export { MigrationNotImplementedError } from ${stringLiteral(runtimeSpecifier("upgrade", 0))};`,
    `export type { StandardContract, StandardIssue, StandardResult } from "./_standard.js";`,
    `export type { JsonSchemaDefinition, JsonSchemaObject } from "./_json-schema.js";`,
  ].join("\n");
  return renderModule({ source, body: [runtime, ...blocks] });
}
