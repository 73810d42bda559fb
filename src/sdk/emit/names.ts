import { isSafeIdentifier, pascalCase } from "../../emit/codegen/escape.js";

/** `TicketTriageV3Binding` (in `v3.sdk.ts`) and the latest alias `TicketTriageBinding` (in `_sdk/index.ts`). */
export function bindingNames(contract: string, version: number): { versioned: string; latest: string } {
  const names = { versioned: `${pascalCase(contract)}V${version}Binding`, latest: `${pascalCase(contract)}Binding` };
  for (const n of Object.values(names)) if (!isSafeIdentifier(n)) throw new Error(`not an identifier: ${n}`);
  return names;
}

/** Exported names of `_toolsets/<toolset>.ts`, e.g. `SupportTools`, `SupportHandlers`, `createSupportRouter`. */
export function toolsetNames(toolset: string): { tools: string; handlers: string; create: string } {
  const base = pascalCase(toolset);
  const names = { tools: `${base}Tools`, handlers: `${base}Handlers`, create: `create${base}Router` };
  for (const n of Object.values(names)) if (!isSafeIdentifier(n)) throw new Error(`not an identifier: ${n}`);
  return names;
}
