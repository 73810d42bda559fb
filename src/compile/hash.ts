import { createHash } from "node:crypto";
import { canonicalJson, type JsonObject } from "../ir/json.js";

/** sha256 of the canonical JSON of a bundled schema, as `sha256:<hex>`. */
export function contractHash(schema: JsonObject): string {
  return `sha256:${createHash("sha256").update(canonicalJson(schema), "utf8").digest("hex")}`;
}
