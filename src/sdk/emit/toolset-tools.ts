import type { CompiledVersion } from "../../shapes/compiled.js";
import { docComment, stringLiteral } from "../../emit/codegen/escape.js";
import { providerNames } from "../../emit/providers/names.js";
import { familyProfile } from "./families.js";
import { toolsetNames } from "./names.js";

/**
 * The per-provider `tools` arrays of a toolset, from the same members (in the same order) as its router's table,
 * so what is sent and what is handled cannot differ. A family gets an array only when every member is a
 * tool-arguments contract sent with that family's profile; the profile is the one whose normalizer the binding
 * applies (families.ts). Gemini arrays need the `gemini` profile: `gemini-openapi` schemas use the SDK's `Type`
 * enum, which a generated literal cannot satisfy.
 */
export interface ToolsArrays {
  readonly imports: readonly string[];
  readonly body: readonly string[];
  /** Exported names, for `_sdk/index.ts`. */
  readonly exports: readonly string[];
}

type Entry = { readonly name: string; readonly expr: (fragments: readonly string[]) => string; readonly type: (fragments: readonly string[]) => string; readonly doc: string };

/** `(typeof A | typeof B)[]`: the element type of an array of fragments, written out (see toolset.ts). */
const listType = (f: readonly string[]): string => `(${f.map((n) => `typeof ${n}`).join(" | ")})[]`;

export function renderToolsArrays(toolset: string, members: readonly CompiledVersion[]): ToolsArrays {
  const t = toolsetNames(toolset);
  if (members.some((v) => v.contract.manifest.kind !== "tool-arguments")) {
    return { imports: [], body: [docComment(`No provider \`tools\` arrays: toolset ${toolset} has a member that is not a tool-arguments contract.`)], exports: [] };
  }
  const byModule = new Map<string, Set<string>>();
  const body: string[] = [];
  const exports: string[] = [];
  const missing: string[] = [];
  const families: readonly [family: "openai" | "anthropic" | "gemini" | "mcp", entries: readonly Entry[]][] = [
    [
      "openai",
      [
        { name: t.openaiChat, expr: (f) => `[${f.join(", ")}]`, type: listType, doc: "the Chat Completions `tools`" },
        { name: t.openaiResponses, expr: (f) => `[${f.join(", ")}]`, type: listType, doc: "the Responses API `tools`" },
      ],
    ],
    ["anthropic", [{ name: t.anthropic, expr: (f) => `[${f.join(", ")}]`, type: listType, doc: "the Messages `tools`" }]],
    ["gemini", [{ name: t.gemini, expr: (f) => `[{ functionDeclarations: [${f.join(", ")}] }]`, type: (f) => `{ functionDeclarations: ${listType(f)} }[]`, doc: "the `config.tools` of `generateContent`" }]],
    ["mcp", [{ name: t.mcp, expr: (f) => `[${f.join(", ")}]`, type: listType, doc: "the `tools` of a `tools/list` result" }]],
  ];
  for (const [family, entries] of families) {
    const chosen = members.map((v) => ({ v, p: familyProfile(v, family) }));
    if (chosen.some(({ p }) => p === undefined || (family === "gemini" && p.profile !== "gemini"))) {
      missing.push(family);
      continue;
    }
    entries.forEach((entry, i) => {
      const fragments = chosen.map(({ v, p }) => {
        const names = providerNames(v.contract.name, v.source.version, p!.profile);
        const name = family === "openai" && i === 1 ? names.responses : names.request;
        const module = `../${v.contract.name}/v${v.source.version}.providers.js`;
        byModule.set(module, (byModule.get(module) ?? new Set()).add(name));
        return name;
      });
      body.push(`${docComment(`Toolset ${toolset} as ${entry.doc}: the same tools as ${t.tools}, in the same order.`)}export const ${entry.name}: ${entry.type(fragments)} = ${entry.expr(fragments)};`);
      exports.push(entry.name);
    });
  }
  if (missing.length > 0) body.push(docComment(`No \`tools\` array for ${missing.join(", ")}: some member is not sent with that provider's profile (contract.json \`providers\`).`));
  const imports = [...byModule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([module, names]) => `import { ${[...names].sort().join(", ")} } from ${stringLiteral(module)};`);
  return { imports, body, exports };
}
