import { isSafeIdentifier, pascalCase } from "../codegen/escape.js";

/** Exported names for one provider of one contract version, e.g. `TicketTriageV2OpenaiStrictRequest`. */
export function providerNames(contract: string, version: number, profile: string) {
  const base = `${pascalCase(contract)}V${version}${pascalCase(profile)}`;
  const names = { request: `${base}Request`, responses: `${base}ResponsesRequest`, losses: `${base}Losses`, normalize: `normalize${base}` };
  for (const n of Object.values(names)) if (!isSafeIdentifier(n)) throw new Error(`not an identifier: ${n}`);
  return names;
}
