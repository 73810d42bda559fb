import type { ContractSource } from "../../discover/discover.js";

/**
 * The name a model calls a contract's tool by. The one place it is read: `contract.json` `toolName` when the
 * manifest has one, otherwise the contract name.
 */
export function toolNameOf(contract: ContractSource): string {
  const manifest = contract.manifest as { readonly toolName?: unknown };
  return typeof manifest.toolName === "string" ? manifest.toolName : contract.name;
}
