import type { CompiledVersion } from "../../shapes/compiled.js";
import type { Diagnostic } from "../../errors.js";
import { docComment, propertyKey, stringLiteral } from "../../emit/codegen/escape.js";
import { renderModule } from "../../emit/codegen/module.js";
import { bindingNames, toolsetNames } from "./names.js";
import { toolNameOf } from "./tool-name.js";
import { renderToolsArrays } from "./toolset-tools.js";

export interface ToolsetModule {
  readonly text?: string;
  readonly problems: readonly Diagnostic[];
  /** Exported values and types of the module, for `_sdk/index.ts`. */
  readonly exports?: readonly string[];
}

/**
 * `_toolsets/<name>.ts`: the toolset's tools (latest version of each contract) keyed by tool name, the handler map
 * type and its router. Members that are not compiled are left out: `check` reports them (lint.toolset-unknown-contract).
 */
export function renderToolsetModule(name: string, members: readonly string[], latest: ReadonlyMap<string, CompiledVersion>, configFile: string): ToolsetModule {
  const found = members.map((m) => latest.get(m)).filter((v): v is CompiledVersion => v !== undefined);
  if (found.length === 0) return { problems: [] };
  const byTool = new Map<string, CompiledVersion>();
  for (const v of found) {
    const tool = toolNameOf(v.contract);
    const other = byTool.get(tool);
    if (other !== undefined) {
      return {
        problems: [
          {
            code: "toolset.duplicate-tool-name",
            file: configFile,
            pointer: `/toolsets/${name}`,
            message: `toolset "${name}": contracts ${other.contract.name} and ${v.contract.name} both use the tool name ${JSON.stringify(tool)}`,
          },
        ],
      };
    }
    byTool.set(tool, v);
  }
  const t = toolsetNames(name);
  const arrays = renderToolsArrays(name, [...byTool.values()]);
  const imports = [
    `import { toolChoices, type ToolChoices } from "../_sdk/choice.js";`,
    `import { createRouter, type RouterOptions, type ToolHandlers, type ToolRouter } from "../_sdk/router.js";`,
    ...found.map((v) => `import { ${bindingNames(v.contract.name, v.source.version).versioned} } from ${stringLiteral(`../${v.contract.name}/v${v.source.version}.sdk.js`)};`),
    ...arrays.imports,
  ];
  const entries = [...byTool].map(([tool, v]) => `  ${propertyKey(tool)}: ${bindingNames(v.contract.name, v.source.version).versioned},`);
  // Explicit annotations (typeof each import): the `.d.ts` of the JavaScript flavour is then copied from the
  // text, never inferred, so it is the same whether or not the compiler sees the imported modules.
  const tableType = [...byTool].map(([tool, v]) => `  readonly ${propertyKey(tool)}: typeof ${bindingNames(v.contract.name, v.source.version).versioned};`);
  const body = [
    `${docComment(`Tools of toolset ${name}, keyed by the name the model calls them by (each at its contract's latest version).`)}export const ${t.tools}: {\n${tableType.join("\n")}\n} = {\n${entries.join("\n")}\n};`,
    `${docComment(`One handler per tool of ${name}, typed by its contract version. Every tool needs one: a missing handler is a type error.`)}export type ${t.handlers} = ToolHandlers<typeof ${t.tools}>;`,
    `${docComment(`The router for ${name}: validates every call of a response, runs the handler of each valid one, answers each in the provider's tool-result shape.`)}export function ${t.create}(handlers: ${t.handlers}, options?: RouterOptions): ToolRouter {\n  return createRouter(${t.tools}, handlers, options);\n}`,
    `${docComment(`The names the model calls the tools of ${name} by.`)}export type ${t.toolName} = keyof typeof ${t.tools} & string;`,
    `${docComment(`\`tool_choice\` forcing one tool of ${name}, per provider: a name outside the toolset is a type error.`)}export const ${t.choice}: ToolChoices<${t.toolName}> = toolChoices<${t.toolName}>();`,
    ...arrays.body,
  ];
  const exports = [t.tools, t.create, `type ${t.handlers}`, `type ${t.toolName}`, t.choice, ...arrays.exports];
  return { text: renderModule({ source: `${configFile} toolsets.${name}`, notes: [`tool router and provider tools for toolset ${name}`], imports, body }), problems: [], exports };
}
