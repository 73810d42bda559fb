import type { Draft, JsonObject } from "../../ir/json.js";

export interface TypesInput {
  readonly schema: JsonObject;
  readonly draft: Draft;
  /** Name of the root type, e.g. `TicketTriageV1`. */
  readonly rootName: string;
}

/** TypeScript declarations (`export type` / `export interface`, no imports, no banner) for a bundled schema. */
export async function emitTypes(_input: TypesInput): Promise<string> {
  throw new Error("not implemented");
}
