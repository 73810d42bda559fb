import { isSafeIdentifier, pascalCase } from "../codegen/escape.js";

/** The Standard Schema object of a contract version, e.g. `TicketTriageV3Standard`. */
export function standardName(contract: string, version: number): string {
  return checked(`${pascalCase(contract)}V${version}Standard`);
}

/** The latest version's alias in the contract index, e.g. `TicketTriageStandard`. */
export function latestStandardName(contract: string): string {
  return checked(`${pascalCase(contract)}Standard`);
}

function checked(name: string): string {
  if (!isSafeIdentifier(name)) throw new Error(`not an identifier: ${name}`);
  return name;
}
