import type { CompiledVersion } from "../../shapes/compiled.js";
import type { ContractListing, ProjectExtension } from "../../shapes/extension.js";
import { displayPath, CONFIG_FILE } from "../../config/config.js";
import type { Diagnostic } from "../../errors.js";
import { stringLiteral } from "../../emit/codegen/escape.js";
import { renderModule } from "../../emit/codegen/module.js";
import { bindingNames } from "./names.js";
import { renderSdkRuntimeFiles, runtimeReexports } from "./runtime-files.js";

/**
 * `generated/_sdk/*` (the runtime, and an index of it with every binding and router) and `generated/_toolsets/*`.
 * The toolset router code (with the provider export it asks which profile each family is sent with) is imported
 * only when the project has toolsets: every check runs this extension, most projects have none.
 */
export const sdkProjectExtension: ProjectExtension = {
  name: "sdk",
  async files({ project, versions, listing, memo }) {
    const files = renderSdkRuntimeFiles();
    const problems: Diagnostic[] = [];
    const contracts = [...listing].sort((a, b) => (a.contract < b.contract ? -1 : a.contract > b.contract ? 1 : 0));
    const toolsets = Object.entries(project.toolsets).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // Without toolsets the index is a function of the listing alone (names and versions): kept in the cache by it.
    if (toolsets.length === 0 && memo !== undefined) {
      const parts = JSON.stringify(contracts.map((c) => [c.contract, [...c.compiled].sort((a, b) => a - b), c.versions]));
      files.set("_sdk/index.ts", memo(parts, () => renderIndex(bindingLines(contracts))));
      return { files, problems };
    }
    const latest = new Map<string, CompiledVersion>();
    for (const v of versions) if (v.source.version === v.contract.versions.length) latest.set(v.contract.name, v);
    const index = bindingLines(contracts);
    const configFile = project.configFile === undefined ? CONFIG_FILE : displayPath(project.rootDir, project.configFile);
    let toolset: typeof import("./toolset.js") | undefined;
    for (const [name, members] of toolsets) {
      const m = (toolset ??= await import("./toolset.js")).renderToolsetModule(name, members, latest, configFile);
      problems.push(...m.problems);
      if (m.text === undefined) continue;
      files.set(`_toolsets/${name}.ts`, m.text);
      index.push(`export { ${(m.exports ?? []).join(", ")} } from ${stringLiteral(`../_toolsets/${name}.js`)};`);
    }
    files.set("_sdk/index.ts", renderIndex(index));
    return { files, problems };
  },
};

/** The runtime's re-exports, then every version's binding (the latest under its alias too), contracts in order. */
function bindingLines(contracts: readonly ContractListing[]): string[] {
  const index: string[] = [runtimeReexports()];
  for (const c of contracts) {
    for (const version of [...c.compiled].sort((a, b) => a - b)) {
      const b = bindingNames(c.contract, version);
      const alias = version === c.versions ? `, ${b.versioned} as ${b.latest}` : "";
      index.push(`export { ${b.versioned}${alias} } from ${stringLiteral(`../${c.contract}/v${version}.sdk.js`)};`);
    }
  }
  return index;
}

function renderIndex(index: readonly string[]): string {
  return renderModule({ source: "the llm-contracts SDK adapters", notes: ["every adapter, stream and router, every contract binding and toolset router"], body: [index.join("\n")] });
}
